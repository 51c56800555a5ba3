//! Prints the attribution rules as a markdown table (id, what it matches, one example), in order of precedence.
//!
//! `cargo run --example rules_table`: README.md's "How statements are attributed" table is this output, and
//! `cargo run --example rules_table -- --screen` the "Statements: who said what" table of the screen's drop rules
//! (tests check both).

fn main() {
    if std::env::args().any(|a| a == "--screen") {
        print!("{}", newsdb::extract::drop_rules_markdown());
    } else {
        print!("{}", newsdb::extract::attribution_rules_markdown());
    }
}
