//! The one-page plan as HTML, styled to print on one A4 page: to pin up beside the
//! phone and in the server room, and to have when the network is gone.

use super::html::escape;
use super::plan::{Person, Plan};
use crate::text;

/// Print styles: A4, small margins, a dense two-column layout that still reads.
const STYLE: &str = "@page{size:A4;margin:11mm}\
*{box-sizing:border-box}\
body{font:9pt/1.3 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#111;margin:0}\
h1{font-size:15pt;margin:0 0 3mm;border-bottom:2px solid #b00;padding-bottom:1.5mm}\
h2{font-size:10.5pt;margin:3mm 0 1.5mm;color:#b00;text-transform:uppercase;letter-spacing:.03em}\
.cols{display:grid;grid-template-columns:1fr 1fr;gap:0 6mm}\
ol,ul{margin:0;padding-left:5mm}li{margin:0 0 1mm}\
table{border-collapse:collapse;width:100%}\
td,th{border-top:1px solid #ccc;padding:1mm 1.5mm;vertical-align:top;text-align:left}\
th{width:24%;font-weight:600}\
.who{font-weight:600}.tel{white-space:nowrap;font-weight:600}\
.call{border:2px solid #b00;padding:2mm 3mm;font-size:10.5pt}\
footer{margin-top:3mm;color:#555;font-size:7.5pt}";

fn person(p: &Person) -> String {
    let mut out = format!("<span class=\"who\">{}</span>", escape(&p.name));
    if !p.what.is_empty() {
        out.push_str(&format!(" — {}", escape(&p.what)));
    }
    if !p.phone.is_empty() {
        out.push_str(&format!(
            " · <span class=\"tel\">{}</span>",
            escape(&p.phone)
        ));
    }
    if !p.email.is_empty() {
        out.push_str(&format!(" · {}", escape(&p.email)));
    }
    if !p.link.is_empty() {
        out.push_str(&format!(" · {}", escape(&p.link)));
    }
    out
}

fn people(list: &[Person]) -> String {
    if list.is_empty() {
        return format!("<em>{}</em>", escape(&text::plan_nobody()));
    }
    list.iter().map(person).collect::<Vec<_>>().join("<br>")
}

pub fn html(plan: &Plan) -> String {
    let lang = crate::i18n::current().code();
    let title = escape(&text::plan_title(&plan.organisation));
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\n<h1>{title}</h1>\n"
    );
    let deputies = if plan.deputies.is_empty() {
        format!("<em>{}</em>", escape(&text::plan_no_deputy()))
    } else {
        people(&plan.deputies)
    };
    out.push_str(&format!(
        "<div class=\"call\"><b>{}</b> — {} {}<br>{} {}</div>\n",
        escape(&text::plan_first_call()),
        escape(&text::colon(&text::plan_point_of_contact())),
        person(&plan.point_of_contact),
        escape(&text::colon(&text::plan_deputy())),
        deputies
    ));
    out.push_str("<div class=\"cols\"><section>\n");
    out.push_str(&format!(
        "<h2>{}</h2><ol>",
        escape(&text::plan_first_steps_title())
    ));
    for step in &plan.first_steps {
        out.push_str(&format!("<li>{}</li>", escape(step)));
    }
    out.push_str("</ol>\n");
    let r = &plan.retainer;
    out.push_str(&format!(
        "<h2>{}</h2><table><tr><td colspan=\"2\">{}</td></tr>",
        escape(&text::plan_retainer_title()),
        person(&r.who)
    ));
    for (label, value) in r.rows() {
        out.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(&label),
            escape(value)
        ));
    }
    out.push_str("</table>\n</section><section>\n");
    out.push_str(&format!(
        "<h2>{}</h2><table>",
        escape(&text::plan_ladder_title())
    ));
    for rung in &plan.ladder {
        let when = match &rung.condition {
            Some(condition) => format!(
                "{}<br><em>{}</em>",
                escape(&rung.severity),
                escape(condition)
            ),
            None => escape(&rung.severity),
        };
        let alert: Vec<String> = rung
            .roles
            .iter()
            .map(|(role, list)| format!("<b>{}</b> {}", escape(&text::colon(role)), people(list)))
            .collect();
        out.push_str(&format!(
            "<tr><th>≥ {when}</th><td>{}</td></tr>",
            alert.join("<br>")
        ));
    }
    out.push_str(&format!(
        "</table>\n<h2>{}</h2><table>",
        escape(&text::plan_outside_title())
    ));
    for (role, list) in &plan.outside {
        out.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>",
            escape(role),
            people(list)
        ));
    }
    out.push_str("</table>\n</section></div>\n");
    out.push_str(&format!(
        "<footer>{}</footer>\n</body></html>\n",
        escape(&text::plan_footer())
    ));
    out
}
