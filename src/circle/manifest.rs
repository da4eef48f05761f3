//! Who belongs to a circle: the manifest (`circle.toml`, written once by the member who
//! made the circle and signed by them) and the member cards (`members/<id>/member.json`,
//! each written and signed by its own member when they join or leave).
//!
//! Nobody edits a file another member wrote, so a sync tool never meets two versions of
//! one file: the manifest names the circle and its founder; everyone who joins later is
//! known by the card in their own subfolder, whose folder name is the start of the key
//! that signs it.
//!
//! Anyone who can write the folder can add a card, so a card alone is not trusted: it is
//! trusted once a trusted member (the founder first) has signed a welcome for it
//! (`members/<welcomer>/welcomes/<member>.json`, naming the card's key), after comparing
//! its fingerprint with its member in person or by phone.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use ed25519_dalek::Verifier as _;
use serde::{Deserialize, Serialize};

use super::CircleError;
use super::keys::{self, Identity};

pub const MANIFEST: &str = "circle.toml";
pub const MEMBERS: &str = "members";
pub const CARD: &str = "member.json";
/// The subfolder of a member's folder holding the welcomes they signed.
pub const WELCOMES: &str = "welcomes";
const WELCOME_FORMAT: &str = "praxis-circle-welcome";
const MANIFEST_FORMAT: &str = "praxis-circle";
const CARD_FORMAT: &str = "praxis-circle-member";
const VERSION: u32 = 1;

/// A member as the manifest or their card says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The start of their key; names their subfolder.
    pub id: String,
    /// How they are known in the circle: a pseudonym, never a real name unless they chose.
    pub pseudonym: String,
    /// Their ed25519 public key (hex).
    pub key: String,
    /// Their age recipient, when the circle is encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    pub joined: DateTime<Utc>,
    /// When they left (a card written on leaving).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<DateTime<Utc>>,
}

/// `circle.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// A UUID: every signature names it, so nothing signed for one circle passes in another.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub purpose: String,
    /// Whether contributions are encrypted to the members (age).
    pub encrypted: bool,
    pub created: DateTime<Utc>,
    /// The founding members (the one who made the circle).
    pub members: Vec<Member>,
    /// The first founder's signature over everything above (hex).
    #[serde(default)]
    pub signature: String,
}

/// What a member card signs.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Card {
    format: String,
    version: u32,
    circle: String,
    member: Member,
    signature: String,
}

impl Manifest {
    /// A new circle founded by `me`.
    pub fn new(
        name: &str,
        purpose: &str,
        encrypted: bool,
        pseudonym: &str,
        me: &Identity,
        now: DateTime<Utc>,
    ) -> Result<Manifest, CircleError> {
        let id = uuid::Uuid::from_bytes(keys::random::<16>()?)
            .hyphenated()
            .to_string();
        let mut m = Manifest {
            format: MANIFEST_FORMAT.into(),
            version: VERSION,
            id,
            name: name.trim().to_string(),
            purpose: purpose.trim().to_string(),
            encrypted,
            created: now,
            members: vec![Member {
                id: me.member_id(),
                pseudonym: pseudonym.trim().to_string(),
                key: keys::key_text(&me.public()),
                recipient: encrypted.then(|| me.recipient()),
                joined: now,
                left: None,
            }],
            signature: String::new(),
        };
        m.signature = me.sign(&m.signed_bytes());
        Ok(m)
    }

    fn signed_bytes(&self) -> Vec<u8> {
        let mut unsigned = self.clone();
        unsigned.signature.clear();
        let mut out = b"praxis-circle-manifest-v1\0".to_vec();
        // Serialising a struct of strings cannot fail.
        out.extend(serde_json::to_vec(&unsigned).unwrap_or_default());
        out
    }

    /// Reads and checks `circle.toml` in `folder`: its format, and the founder's
    /// signature (a manifest changed by anyone else is refused).
    pub fn read(folder: &Path) -> Result<Manifest, CircleError> {
        let path = folder.join(MANIFEST);
        if !path.exists() {
            return Err(CircleError::NotACircle(folder.to_path_buf()));
        }
        let text = crate::files::read_regular_text(&path, 1 << 20)
            .map_err(|e| CircleError::io(&path, e))?;
        let bad = |what: String| CircleError::BadManifest {
            path: path.clone(),
            what,
        };
        let m: Manifest = toml::from_str(&text).map_err(|e| bad(e.message().to_string()))?;
        if m.format != MANIFEST_FORMAT {
            return Err(bad(format!("its format is '{}', not a circle's", m.format)));
        }
        if m.version > VERSION {
            return Err(bad(format!(
                "it was written by a newer praxis (version {}); upgrade praxis to open it",
                m.version
            )));
        }
        let Some(founder) = m.members.first() else {
            return Err(bad("it names no member".into()));
        };
        let verified = keys::parse_key(&founder.key).is_some_and(|k| {
            keys::member_id(&k) == founder.id
                && keys::unhex::<64>(&m.signature).is_some_and(|s| {
                    k.verify(&m.signed_bytes(), &ed25519_dalek::Signature::from_bytes(&s))
                        .is_ok()
                })
        });
        if !verified {
            return Err(bad(
                "its signature does not verify: it was changed after the circle was made, \
                 or damaged on the way; ask the member who made the circle for a fresh copy"
                    .into(),
            ));
        }
        Ok(m)
    }

    /// Writes the manifest (a new circle: fails if one is there).
    pub fn write_new(&self, folder: &Path) -> Result<(), CircleError> {
        let path = folder.join(MANIFEST);
        let text = toml::to_string_pretty(self)
            .map_err(|e| CircleError::io(&path, std::io::Error::other(e)))?;
        let text = format!(
            "# A praxis circle. Written once by the member who made it and signed by them:\n\
             # do not edit (a changed manifest is refused). Members who joined later are in\n\
             # members/<id>/member.json.\n{text}"
        );
        super::write_shared(&path, text.as_bytes(), false)
    }
}

fn card_message(circle: &str, member: &Member) -> Vec<u8> {
    let mut out = b"praxis-circle-member-v1\0".to_vec();
    out.extend(circle.as_bytes());
    out.push(0);
    // Serialising a struct of strings and times cannot fail.
    out.extend(serde_json::to_vec(member).unwrap_or_default());
    out
}

/// Writes (or replaces) `me`'s own member card.
pub fn write_card(
    folder: &Path,
    circle: &str,
    member: &Member,
    me: &Identity,
) -> Result<(), CircleError> {
    let dir = folder.join(MEMBERS).join(&member.id);
    super::create_shared_dir(&dir)?;
    let card = Card {
        format: CARD_FORMAT.into(),
        version: VERSION,
        circle: circle.to_string(),
        member: member.clone(),
        signature: me.sign(&card_message(circle, member)),
    };
    let path = dir.join(CARD);
    let text = serde_json::to_string_pretty(&card)
        .map_err(|e| CircleError::io(&path, std::io::Error::other(e)))?;
    super::write_shared(&path, text.as_bytes(), true)
}

/// A trusted member's word that a card is who it says: signed by the welcomer, naming the
/// welcomed member's key, so a card replaced with another key is not welcomed by it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Welcome {
    format: String,
    version: u32,
    circle: String,
    welcomer: String,
    member: String,
    key: String,
    at: DateTime<Utc>,
    signature: String,
}

fn welcome_message(w: &Welcome) -> Vec<u8> {
    let mut unsigned = w.clone();
    unsigned.signature.clear();
    let mut out = b"praxis-circle-welcome-v1\0".to_vec();
    // Serialising a struct of strings and a time cannot fail.
    out.extend(serde_json::to_vec(&unsigned).unwrap_or_default());
    out
}

/// Writes `me`'s welcome of `member` (their card's id and key) in my own folder.
pub fn write_welcome(
    folder: &Path,
    circle: &str,
    member: &Member,
    me: &Identity,
    now: DateTime<Utc>,
) -> Result<(), CircleError> {
    let dir = folder.join(MEMBERS).join(me.member_id()).join(WELCOMES);
    super::create_shared_dir(&dir)?;
    let mut w = Welcome {
        format: WELCOME_FORMAT.into(),
        version: VERSION,
        circle: circle.to_string(),
        welcomer: me.member_id(),
        member: member.id.clone(),
        key: member.key.clone(),
        at: now,
        signature: String::new(),
    };
    w.signature = me.sign(&welcome_message(&w));
    let path = dir.join(format!("{}.json", member.id));
    let text = serde_json::to_string_pretty(&w)
        .map_err(|e| CircleError::io(&path, std::io::Error::other(e)))?;
    super::write_shared(&path, text.as_bytes(), true)
}

/// The welcomes in `welcomer`'s folder that their key (`key`) signed: (member, key).
fn read_welcomes(dir: &Path, welcomer: &str, key: &str, circle: &str) -> Vec<(String, String)> {
    let Some(k) = keys::parse_key(key) else {
        return Vec::new();
    };
    let Ok(files) = std::fs::read_dir(dir.join(WELCOMES)) else {
        return Vec::new();
    };
    files
        .flatten()
        .filter_map(|f| {
            let text = crate::files::read_regular_text(&f.path(), 64 << 10).ok()?;
            let w: Welcome = serde_json::from_str(&text).ok()?;
            let sig = keys::unhex::<64>(&w.signature)?;
            let ok = w.format == WELCOME_FORMAT
                && w.circle == circle
                && w.welcomer == welcomer
                && k.verify(
                    &welcome_message(&w),
                    &ed25519_dalek::Signature::from_bytes(&sig),
                )
                .is_ok();
            ok.then_some((w.member, w.key))
        })
        .collect()
}

/// A card that could not be trusted, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCard {
    pub folder: String,
    pub why: String,
}

/// Everyone in a circle: the founders, then each valid member card (a card replaces what
/// the manifest said of the same member, as it is newer). Cards that do not verify are
/// listed apart, never trusted; cards that verify are trusted once welcomed.
#[derive(Debug, Clone, Default)]
pub struct Members {
    pub by_id: BTreeMap<String, Member>,
    pub bad: Vec<BadCard>,
    /// The members trusted: the founders, and every card a trusted member welcomed.
    pub welcomed: std::collections::BTreeSet<String>,
}

impl Members {
    /// Reads the member cards in `folder`'s `members/` (small files, one per member).
    #[must_use]
    pub fn read(folder: &Path, manifest: &Manifest) -> Members {
        let mut out = Members::default();
        for m in &manifest.members {
            out.by_id.insert(m.id.clone(), m.clone());
            out.welcomed.insert(m.id.clone());
        }
        let Ok(dirs) = std::fs::read_dir(folder.join(MEMBERS)) else {
            return out;
        };
        let mut folders = Vec::new();
        for d in dirs.flatten() {
            let name = d.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            folders.push((name.clone(), d.path()));
            let path = d.path().join(CARD);
            if !path.exists() {
                continue;
            }
            match read_card(&path, &name, &manifest.id) {
                Ok(m) => {
                    out.by_id.insert(m.id.clone(), m);
                }
                Err(why) => out.bad.push(BadCard { folder: name, why }),
            }
        }
        // Welcomes, each checked against its welcomer's key; then trust spreads from the
        // founders through welcomes that name a card's own key.
        let welcomes: Vec<(String, String, String)> = folders
            .iter()
            .filter_map(|(id, path)| Some((id, path, out.by_id.get(id)?)))
            .flat_map(|(id, path, m)| {
                read_welcomes(path, id, &m.key, &manifest.id)
                    .into_iter()
                    .map(move |(member, key)| (id.clone(), member, key))
            })
            .collect();
        loop {
            let before = out.welcomed.len();
            for (by, member, key) in &welcomes {
                if out.welcomed.contains(by) && out.by_id.get(member).is_some_and(|m| &m.key == key)
                {
                    out.welcomed.insert(member.clone());
                }
            }
            if out.welcomed.len() == before {
                break;
            }
        }
        out
    }

    /// Whether member `id` is trusted: a founder, or welcomed by a trusted member.
    #[must_use]
    pub fn trusted(&self, id: &str) -> bool {
        self.welcomed.contains(id)
    }

    /// Cards that verify but nobody trusted has welcomed yet.
    pub fn waiting(&self) -> impl Iterator<Item = &Member> {
        self.by_id
            .values()
            .filter(|m| !self.welcomed.contains(&m.id))
    }

    /// Trusted members who have not left: those contributions are encrypted to.
    pub fn current(&self) -> impl Iterator<Item = &Member> {
        self.by_id
            .values()
            .filter(|m| m.left.is_none() && self.welcomed.contains(&m.id))
    }

    /// The pseudonym of member `id`, or the id itself for someone unknown.
    #[must_use]
    pub fn name(&self, id: &str) -> String {
        self.by_id
            .get(id)
            .map_or_else(|| format!("unknown ({id})"), |m| m.pseudonym.clone())
    }
}

fn read_card(path: &Path, folder: &str, circle: &str) -> Result<Member, String> {
    let text = crate::files::read_regular_text(path, 64 << 10)
        .map_err(|e| format!("its member card cannot be read: {e}"))?;
    let card: Card = serde_json::from_str(&text)
        .map_err(|_| "its member card is incomplete or damaged".to_string())?;
    if card.format != CARD_FORMAT || card.circle != circle {
        return Err("its member card belongs to another circle".into());
    }
    let key = keys::parse_key(&card.member.key).ok_or("its member card holds no valid key")?;
    if keys::member_id(&key) != card.member.id || card.member.id != folder {
        return Err("its member card is in the wrong folder for its key".into());
    }
    let sig = keys::unhex::<64>(&card.signature).ok_or("its member card is not signed")?;
    key.verify(
        &card_message(circle, &card.member),
        &ed25519_dalek::Signature::from_bytes(&sig),
    )
    .map_err(|_| "its member card's signature does not verify".to_string())?;
    Ok(card.member)
}
