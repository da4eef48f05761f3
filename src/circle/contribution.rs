//! One contribution: what it says, the canonical bytes its author signs, and the file
//! that carries it (a signed envelope, sealed with age to every member when the circle is
//! encrypted). Reading a file gives either a verified contribution or what is wrong with
//! it, never a panic and never an unverified text passed off as a member's.

use chrono::{DateTime, Utc};
use ed25519_dalek::Verifier as _;
use serde::{Deserialize, Serialize};

use super::keys::{self, Identity};
use super::manifest::Members;
use crate::transfer::excerpt::ExcerptPart;

const FORMAT: &str = "praxis-circle-contribution";
const VERSION: u32 = 1;

/// What an entry shared with the circle keeps: redacted, dated by month only, a few parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub title: String,
    /// Month and year the entry is about ("March 2026").
    pub when: String,
    /// The reflective model or template, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub parts: Vec<ExcerptPart>,
    /// How much of the entry the parts are ("2 of 5 parts").
    #[serde(default)]
    pub of: String,
    /// Typed facts (label, text): who was recognised (as a placeholder), a session's format.
    #[serde(default)]
    pub facts: Vec<(String, String)>,
    #[serde(default)]
    pub strengths: Vec<String>,
}

/// What a contribution is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Body {
    /// Part of a reflection.
    Excerpt(Shared),
    /// A question for the group.
    Question {
        text: String,
    },
    /// Something learned.
    Learning {
        text: String,
    },
    /// A recognition entry: a strength noticed in a colleague, a team, oneself.
    Recognition(Shared),
    /// A group or peer session's record.
    Group(Shared),
    Reply {
        to: String,
        text: String,
    },
    Thanks {
        to: String,
    },
    /// The author removes one of their own contributions.
    Tombstone {
        removes: String,
    },
}

impl Body {
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Body::Excerpt(_) => "excerpt",
            Body::Question { .. } => "question",
            Body::Learning { .. } => "learning",
            Body::Recognition(_) => "recognition",
            Body::Group(_) => "group",
            Body::Reply { .. } => "reply",
            Body::Thanks { .. } => "thanks",
            Body::Tombstone { .. } => "tombstone",
        }
    }

    /// The contribution this one answers or removes.
    #[must_use]
    pub fn target(&self) -> Option<&str> {
        match self {
            Body::Reply { to, .. } | Body::Thanks { to } => Some(to),
            Body::Tombstone { removes } => Some(removes),
            _ => None,
        }
    }

    /// A heading for lists: the title, or the opening of the text.
    #[must_use]
    pub fn headline(&self) -> String {
        let first = |t: &str| t.lines().next().unwrap_or("").trim().to_string();
        match self {
            Body::Excerpt(s) | Body::Recognition(s) | Body::Group(s) => {
                if s.title.trim().is_empty() {
                    s.parts.first().map_or_else(String::new, |p| first(&p.text))
                } else {
                    s.title.trim().to_string()
                }
            }
            Body::Question { text } | Body::Learning { text } | Body::Reply { text, .. } => {
                first(text)
            }
            Body::Thanks { .. } => "thanks".into(),
            Body::Tombstone { .. } => "removed".into(),
        }
    }
}

/// A contribution as signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    /// `<UTC time>-<random>`: the file's name without its extension.
    pub id: String,
    pub circle: String,
    /// The author's member id.
    pub author: String,
    pub written_at: DateTime<Utc>,
    /// What it is about, in the author's words ("endings", "handover"): the stream can be
    /// read by theme. At most [`MAX_THEMES`], each as [`theme`] makes it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(flatten)]
    pub body: Body,
}

impl Contribution {
    /// Keeps only themes as praxis writes them ([`theme`]), at most [`MAX_THEMES`]: a
    /// signed file may still come from another program.
    pub fn keep_valid_themes(&mut self) {
        self.themes.retain(|t| theme(t).as_ref() == Ok(t));
        self.themes.truncate(MAX_THEMES);
    }
}

/// The most themes one contribution carries.
pub const MAX_THEMES: usize = 3;

/// A theme as it is kept: trimmed, lower case, inner spaces as one hyphen; refused when
/// empty, longer than 30 characters, or holding anything but letters, digits and hyphens.
pub fn theme(s: &str) -> Result<String, String> {
    let t = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    if t.is_empty() || t.chars().count() > 30 {
        return Err(format!(
            "the theme '{}' should be 1 to 30 characters, such as 'endings' or 'handover'",
            s.trim()
        ));
    }
    if !t.chars().all(|c| c.is_alphanumeric() || c == '-') {
        return Err(format!(
            "the theme '{}' holds more than letters, digits and hyphens",
            s.trim()
        ));
    }
    Ok(t)
}

/// The file: the payload's exact bytes (as a JSON string) and the signature over them.
#[derive(Debug, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    author: String,
    payload: String,
    signature: String,
}

/// A new contribution id from its time: names sort by time and never collide.
pub fn new_id(at: DateTime<Utc>) -> Result<String, super::CircleError> {
    Ok(format!(
        "{}-{}",
        at.format("%Y%m%dT%H%M%S%3fZ"),
        keys::hex(&keys::random::<5>()?)
    ))
}

/// The short id shown to people: the random part.
#[must_use]
pub fn short_id(id: &str) -> &str {
    id.rsplit_once('-').map_or(id, |(_, r)| r)
}

fn message(circle: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = b"praxis-circle-contribution-v1\0".to_vec();
    out.extend(circle.as_bytes());
    out.push(0);
    out.extend(payload);
    out
}

/// The file's bytes: the signed envelope, sealed to `recipients` when given.
pub fn seal(
    c: &Contribution,
    me: &Identity,
    recipients: Option<&[age::x25519::Recipient]>,
) -> Result<Vec<u8>, super::CircleError> {
    let payload =
        serde_json::to_string(c).map_err(|e| super::CircleError::Encode(e.to_string()))?;
    let env = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        author: c.author.clone(),
        signature: me.sign(&message(&c.circle, payload.as_bytes())),
        payload,
    };
    let bytes =
        serde_json::to_vec_pretty(&env).map_err(|e| super::CircleError::Encode(e.to_string()))?;
    let Some(recipients) = recipients else {
        return Ok(bytes);
    };
    let enc = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        .map_err(|e| super::CircleError::Encode(e.to_string()))?;
    let mut out = Vec::with_capacity(bytes.len() + 256);
    let mut w = enc
        .wrap_output(&mut out)
        .map_err(|e| super::CircleError::Encode(e.to_string()))?;
    std::io::Write::write_all(&mut w, &bytes)
        .map_err(|e| super::CircleError::Encode(e.to_string()))?;
    w.finish()
        .map_err(|e| super::CircleError::Encode(e.to_string()))?;
    Ok(out)
}

/// What is wrong with a file that is not a verified contribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not a whole, well-formed file: truncated by a sync in progress, or damaged.
    Damaged(String),
    /// Encrypted, and not to this member (written before they joined, or not for them).
    Sealed,
    /// Signed by no member of the circle.
    UnknownSigner,
    /// Its signature does not match its content: changed after it was written.
    BadSignature,
    /// Its content does not match where it lies (another circle, another folder, another
    /// name).
    Misplaced(String),
}

impl Problem {
    /// The status the index keeps.
    #[must_use]
    pub fn status(&self) -> &'static str {
        match self {
            Problem::Damaged(_) => "damaged",
            Problem::Sealed => "sealed",
            Problem::UnknownSigner => "unknown-signer",
            Problem::BadSignature => "bad-signature",
            Problem::Misplaced(_) => "misplaced",
        }
    }

    /// What a reader is told.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Problem::Damaged(why) => format!("incomplete or damaged ({why}): not trusted"),
            Problem::Sealed => "encrypted, and not to you (written before you joined?)".into(),
            Problem::UnknownSigner => {
                "signed by no member of the circle (their member card may not have arrived yet): not trusted".into()
            }
            Problem::BadSignature => {
                "its signature does not verify: it was changed after it was written; not trusted"
                    .into()
            }
            Problem::Misplaced(why) => format!("{why}: not trusted"),
        }
    }
}

/// The outcome of reading one file.
pub struct Checked {
    pub contribution: Contribution,
    /// The payload as signed (JSON), to keep in the index.
    pub payload: String,
    pub signer_key: String,
}

/// Opens, verifies and checks one file of `folder` (a member id) named `stem`.
pub fn open(
    bytes: &[u8],
    folder: &str,
    stem: &str,
    circle: &str,
    members: &Members,
    me: Option<&Identity>,
) -> Result<Checked, (Problem, String)> {
    let plain;
    let bytes = if bytes.starts_with(b"age-encryption.org/") {
        let Some(me) = me else {
            return Err((Problem::Sealed, String::new()));
        };
        plain = match age::Decryptor::new_buffered(bytes) {
            Ok(d) => match d.decrypt(std::iter::once(&me.age as &dyn age::Identity)) {
                Ok(mut r) => {
                    let mut out = Vec::new();
                    std::io::Read::read_to_end(&mut r, &mut out)
                        .map_err(|e| (Problem::Damaged(short(&e.to_string())), String::new()))?;
                    out
                }
                Err(age::DecryptError::NoMatchingKeys) => {
                    return Err((Problem::Sealed, String::new()));
                }
                Err(e) => return Err((Problem::Damaged(short(&e.to_string())), String::new())),
            },
            Err(e) => return Err((Problem::Damaged(short(&e.to_string())), String::new())),
        };
        &plain[..]
    } else {
        bytes
    };
    let env: Envelope = serde_json::from_slice(bytes)
        .map_err(|e| (Problem::Damaged(short(&e.to_string())), String::new()))?;
    if env.format != FORMAT {
        return Err((
            Problem::Damaged(format!("format '{}'", short(&env.format))),
            String::new(),
        ));
    }
    if env.version > VERSION {
        return Err((
            Problem::Damaged(format!(
                "written by a newer praxis (version {}); upgrade to read it",
                env.version
            )),
            String::new(),
        ));
    }
    let Some(member) = members.by_id.get(&env.author) else {
        return Err((Problem::UnknownSigner, String::new()));
    };
    let Some(key) = keys::parse_key(&member.key) else {
        return Err((Problem::UnknownSigner, String::new()));
    };
    let signer_key = member.key.clone();
    let sig_ok = keys::unhex::<64>(&env.signature).is_some_and(|s| {
        key.verify(
            &message(circle, env.payload.as_bytes()),
            &ed25519_dalek::Signature::from_bytes(&s),
        )
        .is_ok()
    });
    if !sig_ok {
        return Err((Problem::BadSignature, signer_key));
    }
    let c: Contribution = serde_json::from_str(&env.payload)
        .map_err(|e| (Problem::Damaged(short(&e.to_string())), signer_key.clone()))?;
    let misplaced = if c.circle != circle {
        Some("it was written for another circle")
    } else if c.author != env.author || env.author != folder {
        Some("it lies in another member's folder")
    } else if c.id != stem {
        Some("its name does not match its content (copied or renamed)")
    } else {
        None
    };
    if let Some(why) = misplaced {
        return Err((Problem::Misplaced(why.into()), signer_key));
    }
    let mut c = c;
    c.keep_valid_themes();
    Ok(Checked {
        contribution: c,
        payload: env.payload,
        signer_key,
    })
}

/// An error message cut to one short line.
fn short(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    crate::model::text::truncate(line, 80).into_owned()
}
