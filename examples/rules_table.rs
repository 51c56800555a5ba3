//! Prints the attribution rules as a markdown table (id, what it matches, one example), in order of precedence.
//!
//! `cargo run --example rules_table`: README.md's "How statements are attributed" table is this output (a test
//! checks it).

fn main() {
    print!("{}", newsdb::extract::attribution_rules_markdown());
}
