//! The drill report's words (`warroom drill report`).

words! {
    drill_not_a_drill(id: &str) => "drill-not-a-drill";
    drill_report_title(id: &str, scenario: &str, started: &str) => "drill-report-title";
    drill_report_compared(id: &str) => "drill-report-compared";
    drill_to_declare => "drill-to-declare";
    drill_to_alert_retainer => "drill-to-alert-retainer";
    drill_to_reach_commander => "drill-to-reach-commander";
    drill_notification_sent(clock: &str) => "drill-notification-sent";
    drill_never => "drill-never";
    drill_items_open(open: usize, items: usize) => "drill-items-open";
    drill_faster(by: &str) => "drill-faster";
    drill_slower(by: &str) => "drill-slower";
    drill_same => "drill-same";
}
