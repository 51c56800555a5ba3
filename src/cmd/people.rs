//! `newsdb people`: show one person, merge duplicates, manage aliases, rename, list what to check; each change is one
//! transaction.

use std::path::Path;

use crate::cli::{PeopleAliasArgs, PeopleAliasCommand, PeopleCommand, PeopleMergeArgs, PeopleRenameArgs};
use crate::store::{db, people};
use crate::{output, Result};

pub fn run(command: &PeopleCommand, db_path: &Path, quiet: bool) -> Result<()> {
    match command {
        PeopleCommand::Show(args) => {
            let conn = db::open_read_only(db_path)?;
            let person = people::resolve(&conn, &args.name)?;
            output::print_sections(&people::show(&conn, &person, args.limit)?, &args.output)
        }
        PeopleCommand::Merge(args) => merge(args, db_path, quiet),
        PeopleCommand::Alias(PeopleAliasCommand::Add(args)) => add_alias(args, db_path, quiet),
        PeopleCommand::Alias(PeopleAliasCommand::Remove(args)) => remove_alias(args, db_path, quiet),
        PeopleCommand::Alias(PeopleAliasCommand::List(args)) => {
            let conn = db::open_read_only(db_path)?;
            let person = people::resolve(&conn, &args.name)?;
            output::print(&people::aliases(&conn, &person)?, &args.output)
        }
        PeopleCommand::Rename(args) => rename(args, db_path, quiet),
        PeopleCommand::Check(args) => {
            let conn = db::open_read_only(db_path)?;
            let sections = [
                ("duplicates", people::likely_duplicates(&conn, args.limit)?),
                ("non-people", people::likely_non_people(&conn, args.limit)?),
            ];
            output::print_sections(&sections, &args.output)
        }
    }
}

fn merge(args: &PeopleMergeArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let mut conn = db::open(db_path)?;
    let (into, from, counts) = db::retry_busy(db_path, || {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let into = people::resolve(&tx, &args.into)?;
        let from = people::resolve(&tx, &args.from)?;
        if into.id == from.id {
            return Err(crate::Error::Usage(format!(
                "{:?} and {:?} are the same person ({}); nothing to merge",
                args.into, args.from, into.name
            )));
        }
        let counts = people::merge(&tx, into.id, from.id)?;
        tx.commit()?;
        Ok((into, from, counts))
    })?;
    if !quiet {
        crate::stderr!(
            "merged {} into {}: {} mentions, {} statements, {} roles, {} aliases",
            from.name,
            into.name,
            counts.mentions,
            counts.statements,
            counts.roles,
            counts.aliases
        );
    }
    Ok(())
}

fn add_alias(args: &PeopleAliasArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let mut conn = db::open(db_path)?;
    let (person, added, others) = db::retry_busy(db_path, || {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let person = people::resolve(&tx, &args.name)?;
        let added = people::add_alias(&tx, &person, &args.alias)?;
        let others = people::others_with_alias(&tx, &person, &args.alias)?;
        tx.commit()?;
        Ok((person, added, others))
    })?;
    if !quiet {
        match added {
            true => crate::stderr!("{}: alias {:?} added", person.name, args.alias.trim()),
            false => crate::stderr!("{}: already has alias {:?}", person.name, args.alias.trim()),
        }
    }
    // Said even with --quiet: the alias will not do what was asked until this is resolved.
    if !others.is_empty() {
        crate::stderr!(
            "warning: {:?} is also an alias of {}, so it resolves to nobody until all but one have it removed",
            args.alias.trim(),
            others.join("; ")
        );
    }
    Ok(())
}

fn remove_alias(args: &PeopleAliasArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let mut conn = db::open(db_path)?;
    let person = db::retry_busy(db_path, || {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let person = people::resolve(&tx, &args.name)?;
        people::remove_alias(&tx, &person, &args.alias)?;
        tx.commit()?;
        Ok(person)
    })?;
    if !quiet {
        crate::stderr!("{}: alias {:?} removed", person.name, args.alias.trim());
    }
    Ok(())
}

fn rename(args: &PeopleRenameArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let mut conn = db::open(db_path)?;
    let (person, new_name) = db::retry_busy(db_path, || {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let person = people::resolve(&tx, &args.name)?;
        let new_name = people::rename(&tx, &person, &args.new_name)?;
        tx.commit()?;
        Ok((person, new_name))
    })?;
    if !quiet {
        crate::stderr!("renamed {} to {new_name}", person.name);
    }
    Ok(())
}
