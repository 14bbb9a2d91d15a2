//! The command line, as CONTRACT.md fixes it. Global options work before or after the command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "vigil",
    version,
    about = "A registry for monitoring political prisoners"
)]
pub struct Cli {
    /// The SQLite database file (created on first write).
    #[arg(long, global = true, env = "VIGIL_DB", default_value = "vigil.db")]
    pub db: PathBuf,

    /// A database URL instead of --db: sqlite://PATH, or postgres://USER:PASSWORD@HOST/DB for a PostgreSQL server.
    #[arg(long, global = true, env = "VIGIL_DATABASE_URL")]
    pub database_url: Option<String>,

    /// A file holding the SQLite database's encryption key (SQLCipher); or set VIGIL_DB_KEY.
    /// The key is never stored in the database. Without it an encrypted file does not open.
    #[arg(long, global = true, env = "VIGIL_KEY_FILE")]
    pub key_file: Option<PathBuf>,

    /// Print one JSON document instead of a table.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import JSON Lines records, or a spreadsheet of one person per row (.csv, .xlsx,
    /// .ods); FILE, or - for standard input. All or nothing.
    Import(ImportArgs),
    /// Export every record: JSON Lines, CSV tables, an XLSX workbook or FollowTheMoney entities.
    Export(ExportArgs),
    /// Write an empty spreadsheet with the headers `vigil import` recognises, in a
    /// language, and drop-down lists for sex, release reason and visibility.
    Template(TemplateArgs),
    /// Counts: held on a day, series, pardon waves, inflow and outflow.
    #[command(subcommand)]
    Stats(Stats),
    /// Report what disagrees: figures vs computed counts, breakdowns, timelines.
    Check(AsOf),
    /// Who was in an announcement: identified, what remains, contradictions, candidates.
    Announcement(AnnouncementArgs),
    /// Propose the announcements, figures and official claims an English report states.
    /// Nothing is stored unless --import is given and confirmed.
    Extract(ExtractArgs),
    /// Find persons by name, in any script or spelling, best first.
    Search(SearchArgs),
    /// Probable duplicate persons, with the evidence.
    Duplicates(DuplicatesArgs),
    /// Record that two person records are one person: MERGED's names and events count as
    /// KEEP's. A log entry; undone with `vigil unmerge`.
    Merge(MergeArgs),
    /// Undo a merge (the log keeps it): MERGED counts as a person of its own again.
    Unmerge(UnmergeArgs),
    /// Accounts: add, change password or role, disable.
    #[command(subcommand)]
    User(User),
    /// API tokens for scripts.
    #[command(subcommand)]
    Token(TokenCmd),
    /// The audit trail: account changes, reads of restricted or confidential records, and
    /// the server's security events (logins, refused logins and waits, CSRF and role
    /// refusals, refused tokens).
    Audit {
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Copy, back up and restore whole registries with their log.
    #[command(subcommand)]
    Db(Db),
    /// Recompute the log's hash chain, compare the derived tables with a replay of the
    /// log, and (with --checkpoint) check that the log still extends a signed checkpoint.
    Verify(VerifyArgs),
    /// Signed checkpoints of the log's head, with an Ed25519 key kept outside the database.
    #[command(subcommand)]
    Checkpoint(CheckpointCmd),
    /// Show log entries: who changed what, when and why.
    Log(LogArgs),
    /// Withdraw a record from every answer (the log keeps it).
    Retract(RetractArgs),
    /// Write a synthetic registry as JSON Lines to standard output.
    Generate(GenerateArgs),
    /// Generate a registry in a temporary database and print its headline numbers.
    Demo(DemoArgs),
    /// Serve the public dashboard and the JSON API.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Serve a generated demo registry from a temporary database instead of --db.
    #[arg(long)]
    pub demo: bool,
    /// Persons in the demo registry.
    #[arg(long, default_value_t = 20_000)]
    pub persons: u64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Public breakdown cells with fewer persons than this are shown as "fewer than N".
    #[arg(long, default_value_t = 3)]
    pub min_cell: i64,
    /// The language of a page whose reader asked for none (no `?lang=`, no language
    /// cookie, no `Accept-Language` we speak): `be`, `ru` or `en`.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    pub lang: vigil_i18n::Lang,
    /// A reverse proxy (an address, or a network like 10.0.0.0/8) whose forwarding header
    /// is believed about the client's address; repeat it or give a list. Without it the
    /// header is ignored and a request's address is its TCP peer's.
    #[arg(long = "trusted-proxy", value_name = "ADDR", value_delimiter = ',')]
    pub trusted_proxy: Vec<vigil_server::forwarded::Network>,
    /// The header the trusted proxies write (only that one is read).
    #[arg(long, value_enum, default_value_t = ForwardedHeader::XForwardedFor, requires = "trusted_proxy")]
    pub forwarded_header: ForwardedHeader,
}

/// `--forwarded-header`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy` (nginx's `$proxy_add_x_forwarded_for`).
    XForwardedFor,
    /// `Forwarded: for=client` (RFC 7239).
    Forwarded,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to read; - for standard input.
    pub file: String,
    /// Record a correction when a record already exists with other content.
    #[arg(long)]
    pub update: bool,
    /// The file's format: jsonl, csv, xlsx or ods (default: from its name; jsonl).
    #[arg(long)]
    pub format: Option<String>,
    /// A spreadsheet's rows that give no country are of this one (e.g. BY).
    #[arg(long)]
    pub country: Option<String>,
    /// A spreadsheet's headers vigil does not know, mapped to fields: one
    /// `HEADER = field` per line (`ignore` drops a column). See docs/spreadsheets.md.
    #[arg(long)]
    pub mapping: Option<std::path::PathBuf>,
    /// The visibility of a spreadsheet's persons whose row gives none (default
    /// restricted: nothing is published until someone decides it).
    #[arg(long)]
    pub visibility: Option<String>,
    /// Show what a spreadsheet would store, and store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Store a spreadsheet's persons even where they probably duplicate someone already
    /// in the registry (otherwise such rows are listed and nothing is stored).
    #[arg(long)]
    pub new: bool,
    /// A spreadsheet row that probably duplicates a stored person is that person: the
    /// row's person is stored and merged into them in the same import (`ROW=PERSON`,
    /// e.g. `--same 14=p-1a2b`; repeat for several rows; `vigil unmerge` undoes it).
    #[arg(long, value_name = "ROW=PERSON")]
    pub same: Vec<String>,
    #[command(flatten)]
    pub who: Who,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// A name: "Ales Bialiatski", "Алесь Бяляцкі", "Беляцкий", "Tikhanovsky".
    pub query: String,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    /// The lowest score shown (0.9 proposes a merge; 0.7 to 0.9 is worth a look).
    #[arg(long, default_value_t = vigil_core::search::DUPLICATE_FROM)]
    pub min_score: f64,
}

#[derive(Debug, Subcommand)]
pub enum User {
    /// Add an account. The password is read from the terminal (twice) or from standard
    /// input, never from the command line.
    Add {
        name: String,
        #[arg(long, value_parser = ["admin", "editor", "viewer"])]
        role: String,
        #[command(flatten)]
        who: Who,
    },
    /// Set a new password (read as for `add`).
    Passwd {
        name: String,
        #[command(flatten)]
        who: Who,
    },
    /// Change an account's role.
    Role {
        name: String,
        #[arg(value_parser = ["admin", "editor", "viewer"])]
        role: String,
        #[command(flatten)]
        who: Who,
    },
    /// Disable an account: it can no longer log in (nothing it wrote is removed).
    Disable {
        name: String,
        #[command(flatten)]
        who: Who,
    },
    /// List accounts.
    List,
}

#[derive(Debug, Subcommand)]
pub enum TokenCmd {
    /// Create an API token; it is printed once and only its hash is kept.
    Create {
        #[arg(long, value_parser = ["admin", "editor", "viewer"])]
        role: String,
        /// What the token is for (shown in the audit trail).
        #[arg(long, default_value = "script")]
        name: String,
        /// It stops working after this many days.
        #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u32).range(1..=3650))]
        expires_in_days: u32,
        #[command(flatten)]
        who: Who,
    },
    /// Every token: its id (the start of its hash), name, role, when made, when it expires.
    List,
    /// Revoke a token by its id (from `vigil token list`); it stops working at once.
    Revoke {
        id: String,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Debug, Subcommand)]
pub enum Db {
    /// Copy a registry with its log into an empty database: sqlite://PATH or postgres://….
    /// `vigil verify` on the copy gives the same head hash.
    Copy {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// Back up the registry (--db or --database-url) to FILE: the whole log as JSON Lines
    /// with its hashes; from SQLite, a FILE ending in .db is a consistent copy of the
    /// database file instead (VACUUM INTO).
    Backup { file: PathBuf },
    /// Restore a backup into the empty registry given by --db or --database-url.
    Restore { file: PathBuf },
    /// Recreate the tables answers are read from by replaying the log, in one
    /// transaction: repairs a file `vigil verify` says is damaged there. The log,
    /// accounts, tokens and audit trail stay as they are.
    Rebuild,
    /// Encrypt the SQLite file, change its key, or (--decrypt) remove the encryption. The
    /// new key comes from --new-key-file or VIGIL_NEW_DB_KEY; the current one from
    /// --key-file or VIGIL_DB_KEY.
    Rekey {
        #[arg(long, env = "VIGIL_NEW_KEY_FILE", conflicts_with = "decrypt")]
        new_key_file: Option<PathBuf>,
        #[arg(long)]
        decrypt: bool,
    },
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The person record that stays.
    pub keep: String,
    /// The person record merged into it.
    pub merged: String,
    #[command(flatten)]
    pub who: Who,
}

#[derive(Debug, Args)]
pub struct UnmergeArgs {
    /// The person record that was merged into another.
    pub merged: String,
    #[command(flatten)]
    pub who: Who,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The report as plain text; - for standard input.
    pub file: String,
    /// The report's date (YYYY-MM-DD): the day of what the text gives no date for, and the
    /// year of "this year".
    #[arg(long)]
    pub date: Option<String>,
    /// The country (ISO code), when the country the text names most should not decide.
    #[arg(long)]
    pub country: Option<String>,
    /// Who published the report (kept on its source record).
    #[arg(long)]
    pub publisher: Option<String>,
    /// Where the report was published.
    #[arg(long)]
    pub url: Option<String>,
    /// Write the proposed records, with a source record for the report, after showing them.
    #[arg(long)]
    pub import: bool,
    /// Confirm the import without asking (for scripts).
    #[arg(long, requires = "import")]
    pub yes: bool,
    #[command(flatten)]
    pub who: Who,
}

#[derive(Debug, Args)]
pub struct Who {
    /// Who is writing (defaults to $USER).
    #[arg(long)]
    pub actor: Option<String>,
    /// Why, kept in the log.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format: jsonl (the interchange format), csv (a directory of tables, one
    /// per record type, and dictionary.csv), xlsx (the same as sheets of one workbook) or
    /// ftm (FollowTheMoney entities as JSON Lines, for Aleph and `ftm validate`).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "csv", "xlsx", "ftm"])]
    pub format: String,
    /// Write to a file (or, for csv, a directory) instead of standard output.
    #[arg(long, short, visible_alias = "out")]
    pub output: Option<PathBuf>,
    /// Only what the public may see: public persons and their public events.
    #[arg(long)]
    pub public: bool,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The headers' and lists' language: be, ru or en.
    #[arg(long, default_value = "en", value_parser = ["be", "ru", "en"])]
    pub lang: String,
    /// Only xlsx for now.
    #[arg(long, default_value = "xlsx", value_parser = ["xlsx"])]
    pub format: String,
    /// The file to write.
    #[arg(long, short, visible_alias = "out")]
    pub output: PathBuf,
}

#[derive(Debug, Args, Default, Clone)]
pub struct AsOf {
    /// Answer as the registry knew it at a log entry number or an RFC 3339 time (or a day).
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct Counting {
    /// Count everyone in custody, not only recognized political prisoners.
    #[arg(long, conflicts_with = "recognized_by_date")]
    pub all: bool,
    /// Count only those already recognized on the day counted.
    #[arg(long)]
    pub recognized_by_date: bool,
    /// Only this country (ISO code, e.g. BY).
    #[arg(long)]
    pub country: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Stats {
    /// Political prisoners held on a day, with bounds where dates are uncertain.
    Held {
        /// The day (YYYY-MM-DD; a partial date counts as its first day). Default: today.
        #[arg(long)]
        on: Option<String>,
        /// Split by sex, age, role, region, article, place, regime, status, recognized_by or
        /// term (the sentence-length distribution: the custodial term in force, in bands of
        /// years — under_1, 1_3, 3_5, 5_10, 10_15, 15_plus — or unknown, non_custodial,
        /// pre_trial).
        #[arg(long, value_parser = ["sex", "age", "role", "region", "article", "place", "regime", "status", "recognized_by", "term"])]
        by: Option<String>,
        #[command(flatten)]
        counting: Counting,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Held over time.
    Series {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "month", value_parser = ["day", "week", "month"])]
        step: String,
        #[command(flatten)]
        counting: Counting,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Announcements (pardon waves by default) in a country and year, with ordinals and running totals.
    Waves {
        #[arg(long)]
        country: String,
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "pardon", value_parser = ["pardon", "amnesty", "release", "recognition"])]
        kind: String,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Expected releases of the persons held on a day, per month ahead, with bounds where
    /// dates are partial (each person once: a month, later, overdue — expected before the
    /// day and still held —, or none — no custodial term known).
    Releases {
        /// The day (YYYY-MM-DD). Default: today. The months start at its month.
        #[arg(long)]
        on: Option<String>,
        /// How many months ahead, 1 to 120.
        #[arg(long, default_value_t = 12)]
        months: u32,
        #[command(flatten)]
        counting: Counting,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Persons released in the days up to a day (default: the 7 days up to today, "released
    /// this week"), with bounds where release dates are partial; deaths in custody are not
    /// releases.
    Released {
        /// The last day (YYYY-MM-DD). Default: today.
        #[arg(long)]
        on: Option<String>,
        /// How many days, ending on `--on`, 1 to 3660.
        #[arg(long, default_value_t = 7)]
        days: u32,
        #[command(flatten)]
        counting: Counting,
        #[command(flatten)]
        as_of: AsOf,
    },
    /// Inflow and outflow between two days, both included.
    Flow {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[command(flatten)]
        counting: Counting,
        #[command(flatten)]
        as_of: AsOf,
    },
}

#[derive(Debug, Args)]
pub struct AnnouncementArgs {
    /// The announcement's id.
    pub id: String,
    /// Show at most this many candidates in the table (JSON lists them all).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub as_of: AsOf,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A checkpoint written by `vigil checkpoint create`: the log must still extend it.
    #[arg(long)]
    pub checkpoint: Option<PathBuf>,
    /// The public key the checkpoint must be signed by (the `.pub` file `keygen` wrote);
    /// without it a checkpoint re-signed with another key would not be noticed.
    #[arg(long, env = "VIGIL_CHECKPOINT_PUBLIC_KEY")]
    pub public_key: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum CheckpointCmd {
    /// Make a signing key: FILE (secret, mode 0600; keep it off the database's machine)
    /// and FILE.pub (the public key, to give to whoever checks).
    Keygen { file: PathBuf },
    /// Sign the log's head (after checking its chain); prints the checkpoint or writes it
    /// to --out.
    Create {
        #[arg(long)]
        signing_key: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// First entry to show.
    #[arg(long, default_value_t = 1)]
    pub from: u64,
    /// How many entries to show.
    #[arg(long, default_value_t = 50)]
    pub limit: u64,
}

#[derive(Debug, Args)]
pub struct RetractArgs {
    /// source, place, person, announcement, event, figure or merge.
    pub rtype: String,
    pub id: String,
    #[command(flatten)]
    pub who: Who,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(long, default_value_t = 1000)]
    pub persons: u64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 20_000)]
    pub persons: u64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// A language code for `--lang`.
fn parse_lang(s: &str) -> Result<vigil_i18n::Lang, String> {
    vigil_i18n::Lang::parse(s).ok_or_else(|| format!("'{s}' is not one of be, ru, en"))
}
