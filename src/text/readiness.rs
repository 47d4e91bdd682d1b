//! What `warroom ready` and the welcome screen say is missing, and the fix for each.

words! {
    ready_poc => "ready-poc";
    ready_poc_fix => "ready-poc-fix";
    ready_deputy => "ready-deputy";
    ready_deputy_fix => "ready-deputy-fix";
    ready_retainer(key: &str) => "ready-retainer";
    ready_retainer_fix(key: &str) => "ready-retainer-fix";
    ready_holidays(country: &str, year: i32) => "ready-holidays";
    ready_holidays_fix => "ready-holidays-fix";
    ready_contact_old(name: &str, on: &str) => "ready-contact-old";
    ready_contact_never(name: &str) => "ready-contact-never";
    ready_contact_fix(id: &str) => "ready-contact-fix";
    ready_drill_old(on: &str) => "ready-drill-old";
    ready_drill_never => "ready-drill-never";
    ready_drill_fix => "ready-drill-fix";
    ready_unstated(key: &str) => "ready-unstated";
    ready_unstated_fix(key: &str) => "ready-unstated-fix";
    ready_sector_fix => "ready-sector-fix";
    ready_sector_csirt(csirt: &str) => "ready-sector-csirt";
    ready_sector_csirt_fix(csirt: &str) => "ready-sector-csirt-fix";
    ready_yes => "ready-yes";
    ready_no(count: usize) => "ready-no";
    ready_fix_label => "ready-fix-label";
    ready_panel_title(count: usize) => "ready-panel-title";
    ready_panel_more(count: usize) => "ready-panel-more";
}
