//! The one-page response plan's words (`warroom plan`).

words! {
    plan_title(organisation: &str) => "plan-title";
    plan_first_call => "plan-first-call";
    plan_point_of_contact => "plan-point-of-contact";
    plan_deputy => "plan-deputy";
    plan_no_deputy => "plan-no-deputy";
    plan_first_steps_title => "plan-first-steps-title";
    plan_step_1 => "plan-step-1";
    plan_step_2 => "plan-step-2";
    plan_step_3 => "plan-step-3";
    plan_step_4 => "plan-step-4";
    plan_step_5 => "plan-step-5";
    plan_ladder_title => "plan-ladder-title";
    plan_from_severity => "plan-from-severity";
    plan_alert => "plan-alert";
    plan_if_personal_data => "plan-if-personal-data";
    plan_nobody => "plan-nobody";
    plan_retainer_title => "plan-retainer-title";
    plan_hotline => "plan-hotline";
    plan_contract => "plan-contract";
    plan_response => "plan-response";
    plan_hours => "plan-hours";
    plan_scope => "plan-scope";
    plan_evidence => "plan-evidence";
    plan_not_stated => "plan-not-stated";
    plan_outside_title => "plan-outside-title";
    plan_sector_csirt => "plan-sector-csirt";
    plan_footer => "plan-footer";
}

/// The first five things to do, in order.
pub fn plan_first_steps() -> Vec<String> {
    vec![
        plan_step_1(),
        plan_step_2(),
        plan_step_3(),
        plan_step_4(),
        plan_step_5(),
    ]
}
