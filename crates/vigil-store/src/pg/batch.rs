//! A writer's pending rows, written in one go: the deletions first, then the new `log`,
//! `person`, `event` and `reference` rows with `COPY … FROM STDIN` (PostgreSQL's text
//! format), then the `record` upserts. The rows are encoded on the writer's thread; the
//! statements run on the client runtime while the writer gathers the next batch.

use super::pg;
use super::writer::{Pending, RecordRow};
use crate::rows::PersonCols;
use crate::StoreError;
use sqlx::PgConnection;
use vigil_core::chain::Entry;
use vigil_core::record::RecordType;

/// Rows in `COPY`'s text format: fields separated by tabs, a row ended by a newline,
/// `\N` for NULL, and a backslash, tab, newline or carriage return inside a value escaped
/// with a backslash (PostgreSQL documentation, "COPY", "Text Format").
#[derive(Default)]
pub(super) struct CopyText {
    buf: Vec<u8>,
    rows: usize,
    /// No field of the current row written yet.
    fresh: bool,
}

impl CopyText {
    pub(super) fn with_capacity(bytes: usize) -> CopyText {
        CopyText {
            buf: Vec::with_capacity(bytes),
            ..CopyText::default()
        }
    }

    pub(super) fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    fn field(&mut self) {
        if !self.fresh {
            self.buf.push(b'\t');
        }
        self.fresh = false;
    }

    /// A row begins; `text`, `int`… append its fields in the table's column order.
    fn row(&mut self) -> &mut Self {
        self.rows += 1;
        self.fresh = true;
        self
    }

    fn end(&mut self) {
        self.buf.push(b'\n');
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.field();
        // Runs without anything to escape are copied whole.
        let bytes = s.as_bytes();
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escaped: &[u8] = match b {
                b'\\' => b"\\\\",
                b'\t' => b"\\t",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                _ => continue,
            };
            self.buf.extend_from_slice(&bytes[run..i]);
            self.buf.extend_from_slice(escaped);
            run = i + 1;
        }
        self.buf.extend_from_slice(&bytes[run..]);
        self
    }

    fn opt(&mut self, s: Option<&str>) -> &mut Self {
        if let Some(s) = s {
            return self.text(s);
        }
        self.field();
        self.buf.extend_from_slice(b"\\N");
        self
    }

    fn int(&mut self, i: i64) -> &mut Self {
        self.field();
        self.buf.extend_from_slice(i.to_string().as_bytes());
        self
    }

    fn opt_int(&mut self, i: Option<i64>) -> &mut Self {
        match i {
            Some(i) => self.int(i),
            None => self.opt(None),
        }
    }

    fn boolean(&mut self, b: bool) -> &mut Self {
        self.field();
        self.buf.push(if b { b't' } else { b'f' });
        self
    }

    /// A row of `log`, in its columns' order.
    pub(super) fn entry(&mut self, e: &Entry) {
        self.row()
            .int(e.seq as i64)
            .text(&e.at)
            .text(&e.actor)
            .opt(e.reason.as_deref())
            .text(e.op.as_str())
            .text(e.rtype.as_str())
            .text(&e.rid)
            .opt_int(e.refers_to.map(|s| s as i64))
            .opt(e.body.as_deref())
            .bytes(&e.prev.0)
            .bytes(&e.hash.0)
            .end();
    }

    /// A row of `record`: rtype, rid, seq, digest, retracted, pk.
    pub(super) fn record(&mut self, rtype: RecordType, rid: &str, r: &RecordRow) {
        self.row()
            .text(rtype.as_str())
            .text(rid)
            .int(r.seq)
            .bytes(&r.digest.0)
            .boolean(r.retracted)
            .opt_int(r.pk)
            .end();
    }

    /// Rows so far.
    pub(super) fn len(&self) -> usize {
        self.rows
    }

    /// `bytea` in its hex form, `\x…`, whose backslash is escaped in turn.
    fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.field();
        self.buf.extend_from_slice(b"\\\\x");
        let start = self.buf.len();
        self.buf.resize(start + 2 * b.len(), 0);
        hex::encode_to_slice(b, &mut self.buf[start..]).expect("sized for the hex digits");
        self
    }
}

/// What one flush writes, encoded.
pub(super) struct Batch {
    delete_persons: Vec<i64>,
    delete_events: Vec<i64>,
    delete_refs: Vec<(RecordType, String)>,
    /// (statement, rows) in the order they go.
    copies: Vec<(&'static str, CopyText)>,
    records: Vec<((RecordType, String), RecordRow)>,
}

impl Batch {
    pub(super) fn is_empty(p: &Pending) -> bool {
        p.log.rows == 0
            && p.new_records.rows == 0
            && p.records.is_empty()
            && p.refs.is_empty()
            && p.delete_refs.is_empty()
    }

    pub(super) fn of(p: Pending) -> Batch {
        let log = p.log;
        let mut persons = CopyText::default();
        for (pk, p) in &p.persons {
            let c = PersonCols::of(p);
            persons
                .row()
                .int(*pk)
                .text(&c.id)
                .opt(c.sex.as_deref())
                .opt(c.birth.as_deref())
                .opt(c.country.as_deref())
                .opt(c.region.as_deref())
                .opt(c.roles.as_deref())
                .opt(c.health.as_deref())
                .boolean(c.prominent)
                .text(&c.visibility)
                .opt(c.letters.as_deref())
                .end();
        }
        let mut events = CopyText::default();
        for (pk, person, e) in &p.events {
            events
                .row()
                .int(*pk)
                .text(&e.id)
                .int(*person)
                .text(&e.kind)
                .text(&e.date)
                .opt(e.reason.as_deref())
                .opt(e.announcement.as_deref())
                .text(&e.visibility)
                .opt(e.details.as_deref())
                .end();
        }
        let mut refs = CopyText::default();
        for (ft, fid, tt, tid) in &p.refs {
            refs.row()
                .text(ft.as_str())
                .text(fid)
                .text(tt.as_str())
                .text(tid)
                .end();
        }
        let copies = [
            (
                "COPY log (seq, at, actor, reason, op, rtype, rid, refers_to, body, prev, hash) FROM STDIN",
                log,
            ),
            (
                "COPY person (pk, id, sex, birth, country, region, roles, health, prominent, visibility, letters) FROM STDIN",
                persons,
            ),
            (
                "COPY event (pk, id, person_pk, kind, date, reason, announcement, visibility, details) FROM STDIN",
                events,
            ),
            (
                "COPY reference (from_type, from_id, to_type, to_id) FROM STDIN",
                refs,
            ),
            (
                "COPY record (rtype, rid, seq, digest, retracted, pk) FROM STDIN",
                p.new_records,
            ),
        ]
        .into_iter()
        .filter(|(_, rows)| rows.rows > 0)
        .collect();
        Batch {
            delete_persons: p.delete_persons,
            delete_events: p.delete_events,
            delete_refs: p.delete_refs,
            copies,
            records: p.records.into_iter().collect(),
        }
    }

    /// Runs the batch's statements on the writer's transaction.
    pub(super) async fn write(self, tx: &mut PgConnection) -> Result<(), StoreError> {
        if !self.delete_persons.is_empty() {
            sqlx::query("DELETE FROM person WHERE pk = ANY($1)")
                .bind(&self.delete_persons)
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
        }
        if !self.delete_events.is_empty() {
            sqlx::query("DELETE FROM event WHERE pk = ANY($1)")
                .bind(&self.delete_events)
                .execute(&mut *tx)
                .await
                .map_err(pg)?;
        }
        if !self.delete_refs.is_empty() {
            let d = &self.delete_refs;
            sqlx::query(
                "DELETE FROM reference WHERE (from_type, from_id) IN (SELECT * FROM UNNEST($1::text[], $2::text[]))",
            )
            .bind(d.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>())
            .bind(d.iter().map(|(_, id)| id.as_str()).collect::<Vec<_>>())
            .execute(&mut *tx)
            .await
            .map_err(pg)?;
        }
        for (statement, rows) in self.copies {
            let mut copy = tx.copy_in_raw(statement).await.map_err(pg)?;
            copy.send(rows.buf).await.map_err(pg)?;
            let written = copy.finish().await.map_err(pg)?;
            if written != rows.rows as u64 {
                return Err(StoreError::Postgres(format!(
                    "{statement}: {written} rows written of {}",
                    rows.rows
                )));
            }
        }
        let rs = &self.records;
        if rs.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO record (rtype, rid, seq, digest, retracted, pk)
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::bigint[], $4::bytea[], $5::bool[], $6::bigint[])
             ON CONFLICT (rtype, rid) DO UPDATE SET seq = excluded.seq, digest = excluded.digest, retracted = excluded.retracted, pk = excluded.pk",
        )
        .bind(rs.iter().map(|((t, _), _)| t.as_str()).collect::<Vec<_>>())
        .bind(rs.iter().map(|((_, id), _)| id.as_str()).collect::<Vec<_>>())
        .bind(rs.iter().map(|(_, r)| r.seq).collect::<Vec<_>>())
        .bind(rs.iter().map(|(_, r)| r.digest.0.to_vec()).collect::<Vec<_>>())
        .bind(rs.iter().map(|(_, r)| r.retracted).collect::<Vec<_>>())
        .bind(rs.iter().map(|(_, r)| r.pk).collect::<Vec<_>>())
        .execute(&mut *tx)
        .await
        .map_err(pg)?;
        Ok(())
    }
}
