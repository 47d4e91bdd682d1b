//! The words of notification drafts (GDPR, NIS2): headings, questions, reminders.

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
