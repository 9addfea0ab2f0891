//! Project configuration (`cxc.yaml`): per-rule severities and thresholds.
