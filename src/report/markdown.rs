//! The report as Markdown (CommonMark + tables). Every user text is escaped: markup
//! characters get a backslash, line breaks become spaces, controls are dropped.

use super::Report;
use super::walk::{Banner, Line, Record, ReportSink, Span, write};

/// `text` safe inside a Markdown paragraph or table cell.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '<' | '>' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

pub fn markdown(r: &Report) -> String {
    write(r, Markdown::default())
}

/// Blocks (a heading, a table, a paragraph, a list) one blank line apart.
#[derive(Default)]
struct Markdown {
    out: String,
}

impl Markdown {
    /// Starts a block: a blank line after the one before, if any.
    fn block(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    /// A table row: `| a | b |`.
    fn row(&mut self, cells: &[String]) {
        self.push_line(&format!("| {} |", cells.join(" | ")));
    }

    /// A block saying there is nothing, if `empty`; true if so.
    fn nothing(&mut self, empty: bool, none: &str) -> bool {
        if empty {
            self.block();
            self.push_line(none);
        }
        empty
    }
}

impl ReportSink for Markdown {
    fn out(&mut self) -> &mut String {
        &mut self.out
    }

    fn span(&self, span: &Span<'_>) -> String {
        match span {
            Span::Text(t) => escape(t),
            Span::Word(w) => w.to_string(),
            // Only hex goes between backticks, where escapes do not apply.
            Span::Hash(h) if crate::domain::is_sha256(h) => format!("`{h}`"),
            Span::Hash(h) => escape(h),
            Span::Strong(s) => format!("**{}**", self.span(s)),
            Span::Struck(s) => format!("~~{}~~", self.span(s)),
        }
    }

    fn start(&mut self, _title: &[Span<'_>]) {}

    fn banner(&mut self, _banner: Banner, line: &[Span<'_>]) {
        self.block();
        self.push_line(&format!("**{}**", self.line(line)));
    }

    fn heading(&mut self, level: usize, line: &[Span<'_>]) {
        self.block();
        self.push_line(&format!("{} {}", "#".repeat(level), self.line(line)));
    }

    fn facts(&mut self, rows: &[(String, Line<'_>)]) {
        self.block();
        self.push_line("| | |\n|---|---|");
        for (label, value) in rows {
            let value = self.line(value);
            self.row(&[label.clone(), value]);
        }
    }

    fn paragraph(&mut self, line: &[Span<'_>]) {
        self.block();
        self.push_line(&self.line(line));
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<Line<'_>>], empty: &str) {
        if self.nothing(rows.is_empty(), empty) {
            return;
        }
        self.block();
        self.row(columns);
        self.push_line(&format!("|{}", "---|".repeat(columns.len())));
        for cells in rows {
            let cells: Vec<String> = cells.iter().map(|c| self.line(c)).collect();
            self.row(&cells);
        }
    }

    fn list(&mut self, items: &[Line<'_>], empty: &str) {
        if self.nothing(items.is_empty(), empty) {
            return;
        }
        self.block();
        for item in items {
            self.push_line(&format!("- {}", self.line(item)));
        }
    }

    fn records(&mut self, _columns: &[String], records: &[Record<'_>], empty: &str) {
        if self.nothing(records.is_empty(), empty) {
            return;
        }
        self.block();
        for r in records {
            let lead = format!(
                "- **{}** ({}) {}",
                self.line(&r.name),
                self.line(&r.kind),
                self.line(&r.about)
            );
            self.push_line(&lead);
            for d in r.details.iter().filter(|d| !d.values.is_empty()) {
                let values: Vec<String> = d.values.iter().map(|v| self.line(v)).collect();
                self.push_line(&format!("  - {}{}", d.lead_in, values.join("; ")));
            }
        }
    }

    fn finish(&mut self) {}
}
