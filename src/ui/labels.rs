//! Names the dashboard alone shows: the checklist filter, the journal's kind filter,
//! a contact form's fields, how an incident ended. Words from the Fluent files.

use crate::i18n::tr;

pub fn filter_name(filter: crate::app::Filter) -> String {
    use crate::app::Filter;
    tr(match filter {
        Filter::All => "filter-all",
        Filter::Open => "filter-open",
        Filter::Mine => "filter-mine",
    })
}

pub fn kind_filter_name(filter: crate::app::KindFilter) -> String {
    use crate::app::KindFilter;
    tr(match filter {
        KindFilter::All => "journal-filter-all",
        KindFilter::Notes => "journal-filter-notes",
        KindFilter::Checklist => "journal-filter-checklist",
        KindFilter::Clocks => "journal-filter-clocks",
        KindFilter::Contacts => "journal-filter-contacts",
        KindFilter::Evidence => "journal-filter-evidence",
        KindFilter::Amendments => "journal-filter-amendments",
    })
}

pub fn contact_field_name(field: crate::app::forms::ContactField) -> String {
    use crate::app::forms::ContactField;
    tr(match field {
        ContactField::Name => "contact-field-name",
        ContactField::Role => "contact-field-role",
        ContactField::Organisation => "contact-field-organisation",
        ContactField::Phone => "contact-field-phone",
        ContactField::Email => "contact-field-email",
        ContactField::Availability => "contact-field-availability",
        ContactField::Roles => "contact-field-roles",
        ContactField::Notes => "contact-field-notes",
    })
}

pub fn ending_name(ending: crate::app::forms::Ending) -> String {
    use crate::app::forms::Ending as E;
    tr(match ending {
        E::Resolved => "ending-resolved",
        E::FalsePositive => "ending-false-positive",
        E::Duplicate => "ending-duplicate",
        E::Transferred => "ending-transferred",
    })
}
