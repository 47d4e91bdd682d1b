//! The words of notification drafts (GDPR, NIS2, DORA): headings, questions, reminders.

words! {
    // Clocks pane.
    draft_step_done(at: &str, by: &str, step: &str) => "draft-step-done";
    draft_still_to_complete => "draft-still-to-complete";
    draft_detected_how(id: &str) => "draft-detected-how";
    // Notification drafts.
    draft_to_complete => "draft-to-complete";
    draft_prepared => "draft-prepared";
    draft_recipient => "draft-recipient";
    draft_deadline => "draft-deadline";
    draft_late => "draft-late";
    draft_late_reasons => "draft-late-reasons";
    draft_section_entity => "draft-section-entity";
    draft_organisation => "draft-organisation";
    draft_contact => "draft-contact";
    draft_section_incident => "draft-section-incident";
    draft_reference => "draft-reference";
    draft_detected => "draft-detected";
    draft_aware => "draft-aware";
    draft_description => "draft-description";
    draft_section_measures => "draft-section-measures";
    draft_planned => "draft-planned";
    draft_gdpr_nature => "draft-gdpr-nature";
    draft_gdpr_people => "draft-gdpr-people";
    draft_gdpr_records => "draft-gdpr-records";
    draft_gdpr_dpo => "draft-gdpr-dpo";
    draft_gdpr_consequences => "draft-gdpr-consequences";
    draft_gdpr_phased => "draft-gdpr-phased";
    draft_gdpr_phased_default => "draft-gdpr-phased-default";
    draft_nis2_malicious => "draft-nis2-malicious";
    draft_nis2_cross_border => "draft-nis2-cross-border";
    draft_nis2_update => "draft-nis2-update";
    draft_nis2_assessment => "draft-nis2-assessment";
    draft_nis2_iocs => "draft-nis2-iocs";
    draft_nis2_description => "draft-nis2-description";
    draft_nis2_root_cause => "draft-nis2-root-cause";
    draft_nis2_mitigation => "draft-nis2-mitigation";
    covered_reason(flag: &str) => "covered-reason";
}

// DORA reports (Delegated Reg. (EU) 2025/301, template of Implementing Reg. (EU)
// 2025/302), and the indicators of compromise a notification gives an authority.
words! {
    draft_dora_submission => "draft-dora-submission";
    draft_dora_submission_initial => "draft-dora-submission-initial";
    draft_dora_submission_intermediate => "draft-dora-submission-intermediate";
    draft_dora_submission_final => "draft-dora-submission-final";
    draft_dora_lei => "draft-dora-lei";
    draft_dora_lei_missing => "draft-dora-lei-missing";
    draft_dora_entity_type => "draft-dora-entity-type";
    draft_dora_entity_type_what => "draft-dora-entity-type-what";
    draft_dora_classified => "draft-dora-classified";
    draft_dora_classified_how(id: &str) => "draft-dora-classified-how";
    draft_dora_scope => "draft-dora-scope";
    draft_dora_criteria => "draft-dora-criteria";
    draft_dora_criterion_clients => "draft-dora-criterion-clients";
    draft_dora_criterion_data => "draft-dora-criterion-data";
    draft_dora_criterion_reputation => "draft-dora-criterion-reputation";
    draft_dora_criterion_duration => "draft-dora-criterion-duration";
    draft_dora_criterion_geography => "draft-dora-criterion-geography";
    draft_dora_criterion_economic => "draft-dora-criterion-economic";
    draft_dora_criterion_critical => "draft-dora-criterion-critical";
    draft_dora_data_personal => "draft-dora-data-personal";
    draft_dora_duration_so_far(from: &str, span: &str) => "draft-dora-duration-so-far";
    draft_dora_duration_ended(from: &str, to: &str, span: &str) => "draft-dora-duration-ended";
    draft_dora_member_states => "draft-dora-member-states";
    draft_dora_discovery => "draft-dora-discovery";
    draft_dora_origin => "draft-dora-origin";
    draft_dora_bcp => "draft-dora-bcp";
    draft_dora_reclassified => "draft-dora-reclassified";
    draft_dora_other => "draft-dora-other";
    draft_dora_authority_ref => "draft-dora-authority-ref";
    draft_dora_authority_ref_value(reference: &str, at: &str) => "draft-dora-authority-ref-value";
    draft_dora_occurred => "draft-dora-occurred";
    draft_dora_contained => "draft-dora-contained";
    draft_dora_recovered => "draft-dora-recovered";
    draft_dora_phases => "draft-dora-phases";
    draft_dora_type => "draft-dora-type";
    draft_dora_category_recorded(category: &str) => "draft-dora-category-recorded";
    draft_dora_threats => "draft-dora-threats";
    draft_dora_functions => "draft-dora-functions";
    draft_dora_infrastructure => "draft-dora-infrastructure";
    draft_dora_scope_recorded(scope: &str) => "draft-dora-scope-recorded";
    draft_dora_clients => "draft-dora-clients";
    draft_dora_other_authorities => "draft-dora-other-authorities";
    draft_dora_sent(clock: &str, authority: &str, at: &str) => "draft-dora-sent";
    draft_dora_sent_ref(clock: &str, authority: &str, at: &str, reference: &str) => "draft-dora-sent-ref";
    draft_dora_iocs => "draft-dora-iocs";
    draft_dora_root_cause => "draft-dora-root-cause";
    draft_dora_root_cause_addressed => "draft-dora-root-cause-addressed";
    draft_dora_resolved => "draft-dora-resolved";
    draft_dora_resolution => "draft-dora-resolution";
    draft_dora_costs => "draft-dora-costs";
    draft_dora_lessons => "draft-dora-lessons";
    draft_dora_prevention => "draft-dora-prevention";
    draft_iocs_withheld(count: usize) => "draft-iocs-withheld";
}
