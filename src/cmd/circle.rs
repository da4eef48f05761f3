//! `praxis circle`: create, join, list, show, contribute, reply, thank, remove, leave,
//! welcome a member and bring a contribution to supervision.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

use super::Ctx;
use crate::circle::{
    Body, Circle, Contribution, Item, Local, Membership, Settled, share, short_id,
};
use crate::cli::{CircleCommand, CircleContribute, CircleWhich};
use crate::model::EntryKind;
use crate::store::{Lock, Store};
use crate::transfer::excerpt::Pick;
use crate::transfer::redact::{Checker, Redactor};

pub fn run(c: CircleCommand, ctx: &Ctx) -> Result<()> {
    let journal = journal(ctx)?;
    let local = local(ctx, journal.as_ref());
    let local = &local;
    match c {
        CircleCommand::Create {
            path,
            name,
            purpose,
            pseudonym,
            encrypt,
        } => create(&path, &name, &purpose, &pseudonym, encrypt, local, ctx),
        CircleCommand::Join { path, pseudonym } => join(&path, &pseudonym, local, ctx),
        CircleCommand::List { json } => list(json, local, ctx),
        CircleCommand::Show {
            id,
            which,
            limit,
            members,
            theme,
            themes,
        } => {
            let circle = open(&which, local, ctx)?;
            if members {
                show_members(&circle)
            } else if themes {
                show_themes(&circle)
            } else if let Some(id) = id {
                show_one(&circle, &id)
            } else {
                let theme = theme
                    .map(|t| crate::circle::contribution::theme(&t))
                    .transpose()
                    .map_err(anyhow::Error::msg)?;
                show_stream(&circle, limit, theme.as_deref(), ctx)
            }
        }
        CircleCommand::Open { which, limit } => open_pane(&which, limit, local, ctx),
        CircleCommand::Contribute(a) => contribute(&a, local, ctx),
        CircleCommand::Reply {
            id,
            text,
            which,
            yes,
        } => {
            let circle = open(&which, local, ctx)?;
            let to = circle.find(&id).map_err(anyhow::Error::msg)?;
            let text = text.trim();
            if text.is_empty() {
                bail!("the reply is empty: write it after the id");
            }
            let mut redactor = redactor(ctx)?;
            let body = Body::Reply {
                to: to.id.clone(),
                text: redactor.redact(text),
            };
            write_shown(&circle, body, Vec::new(), &redactor, yes, ctx)
        }
        CircleCommand::Thank { id, which } => {
            let circle = open(&which, local, ctx)?;
            let to = circle.find(&id).map_err(anyhow::Error::msg)?;
            if to.author == circle.membership.member {
                bail!("that contribution is yours: thanks go to someone else's");
            }
            if circle.thanked_by_me(&to.id)? {
                say!(
                    "You have thanked {} for {} already: nothing more was written.",
                    circle.members.name(&to.author),
                    short_id(&to.id)
                );
                return Ok(());
            }
            let c = circle.contribute(Body::Thanks { to: to.id.clone() }, ctx.clock.now_utc())?;
            say!(
                "Thanked {} for {} ({})",
                circle.members.name(&to.author),
                short_id(&to.id),
                short_id(&c.id)
            );
            Ok(())
        }
        CircleCommand::Remove { id, which } => {
            let circle = open(&which, local, ctx)?;
            let c = circle.find(&id).map_err(anyhow::Error::msg)?;
            if c.author != circle.membership.member {
                bail!(
                    "contribution {} is {}'s: you can remove only your own",
                    short_id(&c.id),
                    circle.members.name(&c.author)
                );
            }
            circle.remove(&c, ctx.clock.now_utc())?;
            say!(
                "Removed {}: its file is deleted, and every member's praxis hides it once the \
                 removal reaches them.",
                short_id(&c.id)
            );
            Ok(())
        }
        CircleCommand::Leave { which, yes } => {
            let circle = open(&which, local, ctx)?;
            let name = circle.manifest.name.clone();
            if !yes
                && !super::confirm(&format!(
                    "Leave '{name}'? Your contributions stay unless you remove them first, and \
                     this machine forgets your keys for the circle."
                ))
            {
                bail!("you are still in '{name}': pass --yes to leave without being asked");
            }
            circle.leave(local, ctx.clock.now_utc())?;
            say!("You have left '{name}'.");
            Ok(())
        }
        CircleCommand::Bring { id, which } => bring(&id, &which, local, ctx),
        CircleCommand::Welcome { fingerprint, which } => {
            let mut circle = open(&which, local, ctx)?;
            let m = circle.welcome(&fingerprint, ctx.clock.now_utc())?;
            say!(
                "Welcomed {} ({}): once your welcome reaches the others, their praxis trusts what this card writes.",
                m.pseudonym,
                crate::circle::keys::fingerprint(&m.key)
            );
            Ok(())
        }
    }
}

/// Where this machine keeps what it knows of circles: beside the journal, private.
pub(crate) fn circles_dir(ctx: &Ctx) -> PathBuf {
    ctx.paths
        .db
        .parent()
        .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf)
        .join("circles")
}

/// The journal, where an encrypted journal keeps this machine's record of each circle and
/// the member's keys (None while there is no journal yet: then they are kept in files).
fn journal(ctx: &Ctx) -> Result<Option<Store>> {
    if ctx.journal_lock()? == Lock::New {
        return Ok(None);
    }
    Ok(Some(ctx.store()?))
}

/// This machine's side of its circles, beside `journal`, each record settled where the
/// journal's lock says it belongs (see [`Local::settle`]).
fn local<'a>(ctx: &Ctx, journal: Option<&'a Store>) -> Local<'a> {
    let dir = circles_dir(ctx);
    let local = match journal {
        Some(j) => Local::beside(&dir, j),
        None => Local::files(&dir),
    };
    say_settled(local.settle());
    local
}

/// Says what [`Local::settle`] moved (or why it could not).
pub(crate) fn say_settled(settled: Result<Settled, crate::circle::CircleError>) {
    match settled {
        Ok(s) => {
            if s.sealed > 0 {
                note!(
                    "praxis: your keys for {} are now kept inside the encrypted journal (their \
                     files were removed)",
                    crate::model::text::plural(s.sealed, "circle", "circles")
                );
            }
            if s.unsealed > 0 {
                note!(
                    "praxis: your keys for {} are kept in files again, beside the plain journal",
                    crate::model::text::plural(s.unsealed, "circle", "circles")
                );
            }
        }
        Err(e) => note!("praxis: warning: your circles' keys were left where they were: {e}"),
    }
}

fn check_pseudonym(p: &str) -> Result<()> {
    let p = p.trim();
    if p.is_empty() || p.chars().count() > 40 || p.chars().any(char::is_control) {
        bail!("--as takes a pseudonym of 1 to 40 characters, such as 'river' or 'night-nurse-2'");
    }
    Ok(())
}

fn create(
    path: &std::path::Path,
    name: &str,
    purpose: &str,
    pseudonym: &str,
    encrypt: bool,
    local: &Local<'_>,
    ctx: &Ctx,
) -> Result<()> {
    if name.trim().is_empty() {
        bail!("--name is empty: give the circle a name its members will recognise");
    }
    check_pseudonym(pseudonym)?;
    let circle = Circle::create_in(
        path,
        local,
        name,
        purpose,
        encrypt,
        pseudonym,
        ctx.clock.now_utc(),
    )?;
    say!(
        "Made the circle '{}' in {} ({}), with you as '{}'.",
        circle.manifest.name,
        circle.folder.display(),
        if encrypt {
            "encrypted to its members"
        } else {
            "signed, not encrypted"
        },
        circle.membership.pseudonym
    );
    say!(
        "Your key's fingerprint: {}",
        fingerprint_of(&circle, &circle.membership.member)
    );
    say!("Share the folder with your sync tool; each colleague then runs");
    say!("  praxis circle join PATH --as PSEUDONYM");
    Ok(())
}

fn join(path: &std::path::Path, pseudonym: &str, local: &Local<'_>, ctx: &Ctx) -> Result<()> {
    check_pseudonym(pseudonym)?;
    let circle = Circle::join_in(path, local, pseudonym, ctx.clock.now_utc())?;
    say!(
        "Joined '{}' as '{}'. Your key's fingerprint: {}",
        circle.manifest.name,
        circle.membership.pseudonym,
        fingerprint_of(&circle, &circle.membership.member)
    );
    say!(
        "Tell it to a member (not through the shared folder): once they have checked it and run `praxis circle welcome` with it, the others trust what you write."
    );
    if circle.manifest.encrypted {
        say!(
            "Contributions written before you joined stay readable only to those they were written for."
        );
    }
    Ok(())
}

fn fingerprint_of(circle: &Circle, member: &str) -> String {
    circle.members.by_id.get(member).map_or_else(
        || crate::circle::keys::fingerprint(&crate::circle::keys::key_text(&circle.me.public())),
        |m| crate::circle::keys::fingerprint(&m.key),
    )
}

fn list(json: bool, local: &Local<'_>, ctx: &Ctx) -> Result<()> {
    let all = local.memberships();
    if json {
        say!("{}", serde_json::to_string_pretty(&all)?);
        return Ok(());
    }
    if all.is_empty() {
        say!("You belong to no circle: `praxis circle create` or `praxis circle join` one.");
        return Ok(());
    }
    for m in &all {
        say!(
            "{}  as {}  {}",
            ctx.out.bold(&ctx.out.line(&m.name)),
            ctx.out.line(&m.pseudonym),
            ctx.out.dim(&m.folder.display().to_string())
        );
    }
    Ok(())
}

/// The circle `which` names (or the only one), opened and brought up to date with its
/// folder.
fn open(which: &CircleWhich, local: &Local<'_>, ctx: &Ctx) -> Result<Circle> {
    let mut circle = open_unrefreshed(which, local)?;
    circle.refresh(ctx.clock.now_utc())?;
    Ok(circle)
}

/// The circle `which` names (or the only one), its index as it was (kept under the
/// journal's lock: it holds what the circle's files say).
fn open_unrefreshed(which: &CircleWhich, local: &Local<'_>) -> Result<Circle> {
    let m = choose(local.memberships(), which.circle.as_deref())?;
    let circle =
        Circle::open_in(&m, local).with_context(|| format!("opening the circle '{}'", m.name))?;
    Ok(circle)
}

fn choose(all: Vec<Membership>, want: Option<&str>) -> Result<Membership> {
    let Some(want) = want.map(str::trim).filter(|w| !w.is_empty()) else {
        let names: Vec<String> = all.iter().map(|m| m.name.clone()).collect();
        let mut all = all.into_iter();
        return match (all.next(), all.next()) {
            (None, _) => {
                bail!("you belong to no circle: `praxis circle create` or `praxis circle join` one")
            }
            (Some(only), None) => Ok(only),
            (Some(_), Some(_)) => bail!(
                "you belong to {} circles: name one with --circle ({})",
                names.len(),
                names.join(", ")
            ),
        };
    };
    let lower = want.to_lowercase();
    let mut found: Vec<Membership> = all
        .into_iter()
        .filter(|m| m.name.to_lowercase() == lower || m.circle.starts_with(&lower))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!("you belong to no circle named '{want}': `praxis circle list` shows yours"),
        _ => bail!("'{want}' names several circles: use the start of its id instead"),
    }
}

/// The identifiability check over this journal's subjects and the writer's own lists.
fn redactor(ctx: &Ctx) -> Result<Redactor> {
    let store = ctx.store()?;
    let keys = store.subjects()?.into_iter().map(|s| s.key);
    Ok(Redactor::new(Checker::new(
        keys,
        &ctx.config.privacy.never_export,
        &ctx.config.privacy.allow,
    )))
}

fn contribute(a: &CircleContribute, local: &Local<'_>, ctx: &Ctx) -> Result<()> {
    let circle = open(&a.which, local, ctx)?;
    let mut redactor = redactor(ctx)?;
    let text = |t: &str, what: &str, r: &mut Redactor| -> Result<String> {
        let t = t.trim();
        if t.is_empty() {
            bail!("the {what} is empty");
        }
        Ok(r.redact(t))
    };
    let body = if let Some(t) = &a.question {
        Body::Question {
            text: text(t, "question", &mut redactor)?,
        }
    } else if let Some(t) = &a.learning {
        Body::Learning {
            text: text(t, "learning note", &mut redactor)?,
        }
    } else if let Some(spec) = &a.excerpt {
        let (id, pick) = match spec.split_once(':') {
            Some((id, parts)) => (
                id,
                Pick::parse(parts).map_err(|why| anyhow::anyhow!("--excerpt {spec}: {why}"))?,
            ),
            None => (spec.as_str(), Pick::Default),
        };
        shared(id, EntryKind::Reflection, Some(&pick), &mut redactor, ctx)?
    } else if let Some(id) = &a.recognition {
        shared(id, EntryKind::Recognition, None, &mut redactor, ctx)?
    } else if let Some(id) = &a.group {
        shared(id, EntryKind::GroupSession, None, &mut redactor, ctx)?
    } else {
        bail!(
            "say what to contribute: --excerpt, --question, --learning, --recognition or --group"
        );
    };
    let themes = themes(&a.themes, &mut redactor)?;
    write_shown(&circle, body, themes, &redactor, a.yes, ctx)
}

/// The themes given with `--theme`, as kept; one that the identifiability check would
/// change (a name, a place, a date) is refused.
fn themes(given: &[String], redactor: &mut Redactor) -> Result<Vec<String>> {
    if given.len() > crate::circle::contribution::MAX_THEMES {
        bail!(
            "--theme is given {} times: a contribution carries at most {}",
            given.len(),
            crate::circle::contribution::MAX_THEMES
        );
    }
    let mut out = Vec::new();
    for g in given {
        let t = crate::circle::contribution::theme(g).map_err(anyhow::Error::msg)?;
        if redactor.redact(g.trim()) != g.trim() {
            bail!(
                "the theme '{}' may identify someone (a name, a place, a date): choose a word about the practice",
                g.trim()
            );
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

/// An entry of `kind` as the circle would read it (see [`share::entry_body`]).
fn shared(
    id: &str,
    kind: EntryKind,
    pick: Option<&Pick>,
    redactor: &mut Redactor,
    ctx: &Ctx,
) -> Result<Body> {
    let store = ctx.store()?;
    let e = store.entry_by_rowid(store.resolve_id(id.trim())?)?;
    if e.kind != kind {
        let hint = match e.kind {
            EntryKind::Recognition => " (use --recognition)",
            EntryKind::GroupSession => " (use --group)",
            EntryKind::Reflection => " (use --excerpt)",
            _ => "",
        };
        bail!("entry {} is a {}, not a {kind}{hint}", e.short_id(), e.kind);
    }
    let catalog = ctx.catalog();
    share::entry_body(e, pick, redactor, |m| {
        catalog
            .model(m)
            .map_or_else(|_| m.to_string(), |t| t.name.clone())
    })
    .map_err(anyhow::Error::msg)
}

/// Shows the author what the circle will read, asks, then writes it.
fn write_shown(
    circle: &Circle,
    body: Body,
    themes: Vec<String>,
    redactor: &Redactor,
    yes: bool,
    ctx: &Ctx,
) -> Result<()> {
    let preview = Contribution {
        id: String::new(),
        circle: circle.manifest.id.clone(),
        author: circle.membership.member.clone(),
        written_at: ctx.clock.now_utc(),
        themes,
        body,
    };
    say!(
        "This is what the members of '{}' will read:",
        circle.manifest.name
    );
    say!();
    for line in circle.lines(&preview) {
        say!("  {line}");
    }
    say!();
    if let Some(r) = share::replaced(redactor) {
        say!("{r}");
    }
    if !yes && !super::confirm("Write it to the circle?") {
        bail!(
            "nothing was written: answer y on a terminal, or pass --yes to write it without being asked"
        );
    }
    let c = circle.contribute_on(preview.body, preview.themes, ctx.clock.now_utc())?;
    say!(
        "Written as {}{}.",
        short_id(&c.id),
        if circle.manifest.encrypted {
            ", signed and encrypted to the members"
        } else {
            ", signed"
        }
    );
    Ok(())
}

fn show_members(circle: &Circle) -> Result<()> {
    say!("Members of '{}':", circle.manifest.name);
    for m in circle.members.by_id.values() {
        let mut note = String::new();
        if m.id == circle.membership.member {
            note.push_str(" (you)");
        }
        if let Some(l) = m.left {
            note.push_str(&format!(" — left {}", l.format("%B %Y")));
        }
        if !circle.members.trusted(&m.id) {
            note.push_str(" — not welcomed yet: not trusted until a welcomed member runs `praxis circle welcome` with this fingerprint");
        }
        say!(
            "  {:<20} {}{}",
            m.pseudonym,
            crate::circle::keys::fingerprint(&m.key),
            note
        );
    }
    for b in &circle.members.bad {
        say!("  ⚠ folder {}: {} — not trusted", b.folder, b.why);
    }
    say!(
        "Compare fingerprints with each other in person or by phone: the folder alone cannot prove who wrote a card."
    );
    Ok(())
}

fn show_one(circle: &Circle, id: &str) -> Result<()> {
    let c = circle.find(id).map_err(anyhow::Error::msg)?;
    say!("{}  {}", short_id(&c.id), circle.manifest.name);
    for line in circle.lines(&c) {
        say!("{line}");
    }
    for (depth, r) in circle.thread(&c.id)? {
        if let Ok(r) = r.content {
            let indent = "  ".repeat(depth);
            say!();
            for (i, line) in circle.lines(&r).iter().enumerate() {
                if i == 0 {
                    say!("{indent}  ↳ {}  {line}", short_id(&r.id));
                } else if !line.starts_with("in reply to") && !line.starts_with("thanks for") {
                    say!("{indent}    {line}");
                }
            }
        }
    }
    Ok(())
}

fn show_themes(circle: &Circle) -> Result<()> {
    let themes = circle.themes()?;
    if themes.is_empty() {
        say!("No contribution has a theme yet: `praxis circle contribute --theme WORD` gives one.");
    }
    for (t, n) in themes {
        say!("  #{t}  {n}");
    }
    Ok(())
}

fn show_stream(circle: &Circle, limit: usize, theme: Option<&str>, ctx: &Ctx) -> Result<()> {
    let o = &ctx.out;
    let current = circle.members.current().count();
    say!(
        "{} — {} member{} · {}",
        o.bold(&o.line(&circle.manifest.name)),
        current,
        if current == 1 { "" } else { "s" },
        if circle.manifest.encrypted {
            "signed and encrypted"
        } else {
            "signed"
        }
    );
    if !circle.manifest.purpose.is_empty() {
        say!("{}", o.dim(&o.line(&circle.manifest.purpose)));
    }
    let last = circle.last_look()?;
    let new = circle.new_since_last_look()?;
    let total: i64 = new.iter().map(|(_, n)| n).sum();
    if total > 0 {
        let by: Vec<String> = new.iter().map(|(w, n)| format!("{w} {n}")).collect();
        say!("{} new since you last looked ({})", total, by.join(", "));
    } else if last.is_some() {
        say!("Nothing new since you last looked.");
    }
    let items = match theme {
        Some(t) => {
            say!("On the theme #{t}:");
            circle.stream_on(t, limit)?
        }
        None => circle.stream(limit)?,
    };
    if items.is_empty() {
        say!();
        say!("Nothing shared yet: `praxis circle contribute --question TEXT` starts it.");
    }
    for item in items {
        say!();
        print_item(circle, &item, last.as_deref(), ctx)?;
    }
    circle.mark_looked(ctx.clock.now_utc())?;
    Ok(())
}

fn print_item(circle: &Circle, item: &Item, last: Option<&str>, ctx: &Ctx) -> Result<()> {
    let o = &ctx.out;
    let is_new = last.is_none_or(|l| item.first_seen.as_str() > l);
    let c = match &item.content {
        Ok(c) => c,
        Err(why) => {
            say!("{} {}: {}", o.warn("⚠"), o.line(&item.file), o.line(why));
            return Ok(());
        }
    };
    // My own writing is never news to me.
    let is_new = is_new && c.author != circle.membership.member;
    let lines = circle.lines(c);
    say!(
        "{} {}  {}{}",
        if c.author == circle.membership.member {
            "○"
        } else {
            "●"
        },
        o.accent(short_id(&c.id)),
        o.line(&lines[0]),
        if is_new {
            o.warn("  new")
        } else {
            String::new()
        }
    );
    for l in &lines[1..] {
        say!("  {}", o.line(l));
    }
    let mut thanked = Vec::new();
    for (depth, r) in circle.thread(&c.id)? {
        let Ok(r) = r.content else { continue };
        let indent = "  ".repeat(depth);
        match &r.body {
            Body::Reply { text, .. } => {
                say!(
                    "    {indent}↳ {} {}: {}",
                    o.accent(short_id(&r.id)),
                    o.line(&circle.members.name(&r.author)),
                    o.line(text.lines().next().unwrap_or(""))
                );
            }
            Body::Thanks { .. } if depth == 0 => thanked.push(circle.members.name(&r.author)),
            Body::Thanks { .. } => {
                say!("    {indent}♥ {}", o.line(&circle.members.name(&r.author)));
            }
            _ => {}
        }
    }
    if !thanked.is_empty() {
        say!("    ♥ thanked by {}", o.line(&thanked.join(", ")));
    }
    Ok(())
}

fn bring(id: &str, which: &CircleWhich, local: &Local<'_>, ctx: &Ctx) -> Result<()> {
    let circle = open(which, local, ctx)?;
    let c = circle.find(id).map_err(anyhow::Error::msg)?;
    let e = share::brought(&circle, &c, ctx.clock.today(), ctx.clock.now_utc());
    let mut store = ctx.store()?;
    store.insert_entry(&e)?;
    say!("{}", e.short_id());
    Ok(())
}

fn open_pane(which: &CircleWhich, limit: usize, local: &Local<'_>, ctx: &Ctx) -> Result<()> {
    use std::io::IsTerminal as _;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!("`praxis circle open` needs a terminal; `praxis circle show` prints the stream");
    }
    let now = ctx.clock.now_utc();
    // What arrived is read before the first frame; the rest is checked between frames.
    let mut circle = open_unrefreshed(which, local)?;
    let (_, sweep) = circle.refresh_arrivals(now)?;
    let keymap =
        crate::tui::circle::keys::CircleKeymap::from_config(&ctx.config, &ctx.paths.config)?;
    let theme = crate::tui::theme::Theme::new(ctx.config.ui.theme, !ctx.out.color);
    let journal = crate::tui::circle::Journal {
        store: ctx.store()?,
        never_export: ctx.config.privacy.never_export.clone(),
        allow: ctx.config.privacy.allow.clone(),
        catalog: ctx.catalog().clone(),
        clock: ctx.clock,
    };
    let pane = crate::tui::circle::CirclePane::load(circle, sweep, now, limit, keymap, theme)?
        .with_journal(journal);
    pane.circle.mark_looked(now)?;
    crate::tui::circle::run(pane)
}
