//! The one-page plan as Markdown: for a wiki, a shared drive, or an e-mail.

use super::markdown::escape;
use super::plan::{Person, Plan};
use crate::text;

fn person(p: &Person) -> String {
    let mut parts = vec![format!("**{}**", escape(&p.name))];
    if !p.what.is_empty() {
        parts.push(escape(&p.what));
    }
    if !p.phone.is_empty() {
        parts.push(escape(&p.phone));
    }
    if !p.email.is_empty() {
        parts.push(escape(&p.email));
    }
    if !p.link.is_empty() {
        parts.push(escape(&p.link));
    }
    parts.join(" · ")
}

fn people(list: &[Person]) -> String {
    if list.is_empty() {
        return format!("*{}*", text::plan_nobody());
    }
    list.iter().map(person).collect::<Vec<_>>().join("; ")
}

pub fn markdown(plan: &Plan) -> String {
    let mut out = format!("# {}\n\n", escape(&text::plan_title(&plan.organisation)));
    out.push_str(&format!("## {}\n\n", text::plan_first_call()));
    out.push_str(&format!(
        "- {} {}\n",
        text::colon(&text::plan_point_of_contact()),
        person(&plan.point_of_contact)
    ));
    let deputies = if plan.deputies.is_empty() {
        format!("*{}*", text::plan_no_deputy())
    } else {
        people(&plan.deputies)
    };
    out.push_str(&format!(
        "- {} {}\n\n",
        text::colon(&text::plan_deputy()),
        deputies
    ));
    out.push_str(&format!("## {}\n\n", text::plan_first_steps_title()));
    for (n, step) in plan.first_steps.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", n + 1, escape(step)));
    }
    out.push_str(&format!(
        "\n## {}\n\n| {} | {} |\n|---|---|\n",
        text::plan_ladder_title(),
        text::plan_from_severity(),
        text::plan_alert()
    ));
    for rung in &plan.ladder {
        let when = match &rung.condition {
            Some(condition) => format!("{}, {}", escape(&rung.severity), escape(condition)),
            None => escape(&rung.severity),
        };
        let alert: Vec<String> = rung
            .roles
            .iter()
            .map(|(role, list)| format!("{} {}", escape(&text::colon(role)), people(list)))
            .collect();
        out.push_str(&format!("| {when} | {} |\n", alert.join("<br>")));
    }
    let r = &plan.retainer;
    out.push_str(&format!("\n## {}\n\n", text::plan_retainer_title()));
    out.push_str(&format!("- {}\n", person(&r.who)));
    for (label, value) in r.rows() {
        out.push_str(&format!("- {} {}\n", text::colon(&label), escape(value)));
    }
    out.push_str(&format!("\n## {}\n\n", text::plan_outside_title()));
    for (role, list) in &plan.outside {
        out.push_str(&format!(
            "- {} {}\n",
            escape(&text::colon(role)),
            people(list)
        ));
    }
    out.push_str(&format!("\n*{}*\n", escape(&text::plan_footer())));
    out
}
