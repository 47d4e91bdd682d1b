//! The report as one self-contained HTML file (inline styles, no scripts, no external
//! resources) that reads on screen and prints on A4. Every user text is HTML-escaped.

use super::Report;
use super::walk::{Banner, Line, Record, ReportSink, Span, write};

/// `text` safe as HTML text or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;color:#111;line-height:1.4}\
.tlp{font-weight:bold;background:#000;color:#ffc000;padding:.2em .6em;display:inline-block}\
.exercise{font-weight:bold;color:#b00}\
table{border-collapse:collapse;width:100%;margin:.5em 0}\
th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}\
th{background:#eee}\
del{color:#777}\
code{font-size:.9em;word-break:break-all}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

pub fn html(r: &Report) -> String {
    write(r, Html::default())
}

#[derive(Default)]
struct Html {
    out: String,
}

impl Html {
    /// A table's opening with a header row of `columns`.
    fn head(&mut self, columns: &[String]) {
        let titles: String = columns
            .iter()
            .map(|c| format!("<th>{}</th>", escape(c)))
            .collect();
        self.push_line(&format!("<table><thead><tr>{titles}</tr></thead><tbody>"));
    }

    /// A table row of cells already written as HTML.
    fn row(&mut self, cells: &[String]) {
        let cells: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
        self.push_line(&format!("<tr>{cells}</tr>"));
    }
}

impl ReportSink for Html {
    fn out(&mut self) -> &mut String {
        &mut self.out
    }

    fn span(&self, span: &Span<'_>) -> String {
        match span {
            Span::Text(t) | Span::Word(t) => escape(t),
            Span::Hash(h) => format!("<code>{}</code>", escape(h)),
            Span::Strong(s) => format!("<strong>{}</strong>", self.span(s)),
            Span::Struck(s) => format!("<del>{}</del>", self.span(s)),
        }
    }

    fn start(&mut self, title: &[Span<'_>]) {
        self.push_line("<!DOCTYPE html>");
        self.push_line("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        self.push_line(&format!("<title>{}</title>", self.line(title)));
        self.push_line(&format!("<style>{STYLE}</style></head><body>"));
    }

    fn banner(&mut self, banner: Banner, line: &[Span<'_>]) {
        let class = match banner {
            Banner::Tlp => "tlp",
            Banner::Exercise => "exercise",
        };
        self.push_line(&format!("<p class=\"{class}\">{}</p>", self.line(line)));
    }

    fn heading(&mut self, level: usize, line: &[Span<'_>]) {
        self.push_line(&format!("<h{level}>{}</h{level}>", self.line(line)));
    }

    fn facts(&mut self, rows: &[(String, Line<'_>)]) {
        self.push_line("<table><tbody>");
        for (label, value) in rows {
            let row = format!(
                "<tr><th>{}</th><td>{}</td></tr>",
                escape(label),
                self.line(value)
            );
            self.push_line(&row);
        }
        self.push_line("</tbody></table>");
    }

    fn paragraph(&mut self, line: &[Span<'_>]) {
        self.push_line(&format!("<p>{}</p>", self.line(line)));
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<Line<'_>>], _empty: &str) {
        self.head(columns);
        for cells in rows {
            let cells: Vec<String> = cells.iter().map(|c| self.line(c)).collect();
            self.row(&cells);
        }
        self.push_line("</tbody></table>");
    }

    fn list(&mut self, items: &[Line<'_>], _empty: &str) {
        self.push_line("<ul>");
        for item in items {
            self.push_line(&format!("<li>{}</li>", self.line(item)));
        }
        self.push_line("</ul>");
    }

    fn records(&mut self, columns: &[String], records: &[Record<'_>], _empty: &str) {
        self.head(columns);
        for r in records {
            let mut cells = vec![self.line(&r.name), self.line(&r.kind), self.line(&r.about)];
            cells.extend(r.details.iter().map(|d| {
                let values: Vec<String> = d.values.iter().map(|v| self.line(v)).collect();
                values.join("<br>")
            }));
            self.row(&cells);
        }
        self.push_line("</tbody></table>");
    }

    fn finish(&mut self) {
        self.push_line("</body></html>");
    }
}
