// Cargo does not notice a new or edited migration on its own; the migrations are embedded at compile time.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
