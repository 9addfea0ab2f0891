//! The measure codes' `cxc explain` examples.

use crate::diagnostic::{Code, CodeDoc};

/// The measure codes' `cxc explain` examples: a spec fragment and the
/// exports (`# contacts.csv`, `# cases.csv`) `cxc measure` reads beside it.
pub const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: Code::TargetMissed,
        bad: "role agent { team support; duty \"Answers the phone\"; target fcr >= 80% }\n\
              # contacts.csv\n\
              id,segment,channel,created,answered,resolved,customer\n\
              1,everyone,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:20Z,2026-11-02T10:05:00Z,anna\n\
              2,everyone,phone,2026-11-02T10:00:00Z,2026-11-02T10:04:00Z,2026-11-02T10:09:00Z,boris\n\
              3,everyone,phone,2026-11-03T10:00:00Z,2026-11-03T10:00:20Z,2026-11-03T10:05:00Z,anna",
        fix: "role agent { team support; duty \"Answers the phone\"; target fcr >= 80% }\n\
              # contacts.csv\n\
              id,segment,channel,created,answered,resolved,customer\n\
              1,everyone,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:20Z,2026-11-02T10:05:00Z,anna\n\
              2,everyone,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:40Z,2026-11-02T10:09:00Z,boris\n\
              3,everyone,phone,2026-11-03T10:00:00Z,2026-11-03T10:00:20Z,2026-11-03T10:05:00Z,vera",
        context: "",
    },
    CodeDoc {
        code: Code::PromiseBroken,
        bad: "promise first_reply \"We answer e-mails within a working day\" {\n  \
              segments everyone; channel email; within 1d; on_breach apologize\n}\n\
              # contacts.csv\n\
              id,segment,channel,created,first_response\n\
              1,everyone,email,2026-11-02T10:00:00Z,2026-11-02T10:30:00Z\n\
              2,everyone,email,2026-11-02T10:00:00Z,2026-11-05T15:00:00Z",
        fix: "promise first_reply \"We answer e-mails within a working day\" {\n  \
              segments everyone; channel email; within 1d; on_breach apologize\n}\n\
              # contacts.csv\n\
              id,segment,channel,created,first_response\n\
              1,everyone,email,2026-11-02T10:00:00Z,2026-11-02T10:30:00Z\n\
              2,everyone,email,2026-11-02T10:00:00Z,2026-11-03T10:00:00Z",
        context: "",
    },
    CodeDoc {
        code: Code::ComplaintLate,
        bad: "# contacts.csv\n\
              id,segment,channel,created,answered,complaint,acknowledged\n\
              1,everyone,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z,defect,2026-11-02T13:00:00Z",
        fix: "# contacts.csv\n\
              id,segment,channel,created,answered,complaint,acknowledged\n\
              1,everyone,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z,defect,2026-11-02T10:20:00Z",
        context: "complaint defect { segments any; owner support; hours workday\n  \
                  acknowledge within 1h; escalate after 1d to support_lead\n  \
                  remedy apologize; feedback optional }",
    },
    CodeDoc {
        code: Code::JourneyDeviation,
        bad: "# cases.csv\n\
              case,journey,step,entered\n\
              1,repair,request,2026-11-02T10:00:00Z\n\
              1,repair,done,2026-11-02T11:00:00Z",
        fix: "# cases.csv\n\
              case,journey,step,entered\n\
              1,repair,request,2026-11-02T10:00:00Z\n\
              1,repair,visit,2026-11-02T11:00:00Z\n\
              1,repair,done,2026-11-03T11:00:00Z",
        context: JOURNEY,
    },
    CodeDoc {
        code: Code::StepLate,
        bad: "# cases.csv\n\
              case,journey,step,entered\n\
              1,repair,request,2026-11-02T10:00:00Z\n\
              1,repair,visit,2026-11-02T11:00:00Z\n\
              1,repair,done,2026-11-05T11:00:00Z",
        fix: "# cases.csv\n\
              case,journey,step,entered\n\
              1,repair,request,2026-11-02T10:00:00Z\n\
              1,repair,visit,2026-11-02T11:00:00Z\n\
              1,repair,done,2026-11-03T11:00:00Z",
        context: JOURNEY,
    },
    CodeDoc {
        code: Code::BadData,
        bad: "# contacts.csv\n\
              id,segment,channel,created,answered\n\
              1,gold,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:20Z",
        fix: "# contacts.csv\n\
              id,segment,channel,created,answered\n\
              1,everyone,phone,2026-11-02T10:00:00Z,2026-11-02T10:00:20Z",
        context: "",
    },
    CodeDoc {
        code: Code::MeasuredPain,
        bad: "# cases.csv\n\
              case,journey,step,entered,csat\n\
              1,repair,request,2026-11-02T10:00:00Z,\n\
              1,repair,visit,2026-11-02T11:00:00Z,1\n\
              1,repair,done,2026-11-03T11:00:00Z,\n\
              2,repair,request,2026-11-02T10:00:00Z,\n\
              2,repair,visit,2026-11-02T11:00:00Z,2",
        fix: "# cases.csv\n\
              case,journey,step,entered,csat\n\
              1,repair,request,2026-11-02T10:00:00Z,\n\
              1,repair,visit,2026-11-02T11:00:00Z,4\n\
              1,repair,done,2026-11-03T11:00:00Z,\n\
              2,repair,request,2026-11-02T10:00:00Z,\n\
              2,repair,visit,2026-11-02T11:00:00Z,5\n\
              2,repair,done,2026-11-03T11:00:00Z,",
        context: PAIN_JOURNEY,
    },
    CodeDoc {
        code: Code::RepeatContacts,
        bad: "# contacts.csv\n\
              id,segment,channel,created,first_response,resolved,customer\n\
              1,everyone,email,2026-11-02T10:00:00Z,2026-11-02T10:30:00Z,2026-11-02T11:00:00Z,anna\n\
              2,everyone,email,2026-11-03T10:00:00Z,2026-11-03T10:30:00Z,2026-11-03T11:00:00Z,anna",
        fix: "# contacts.csv\n\
              id,segment,channel,created,first_response,resolved,customer\n\
              1,everyone,email,2026-11-02T10:00:00Z,2026-11-02T10:30:00Z,2026-11-02T11:00:00Z,anna\n\
              2,everyone,email,2026-11-03T10:00:00Z,2026-11-03T10:30:00Z,2026-11-03T11:00:00Z,boris",
        context: "",
    },
    CodeDoc {
        code: Code::HourlyCostUncosted,
        bad: "channel hotline { kind phone; owner support; hours workday; cost 1800 per hour }\n\
              # contacts.csv\n\
              id,segment,channel,created,answered\n\
              1,everyone,hotline,2026-11-02T10:00:00Z,2026-11-02T10:00:20Z",
        fix: "channel hotline { kind phone; owner support; hours workday; cost 1800 per hour }\n\
              # contacts.csv\n\
              id,segment,channel,created,answered,handle_time\n\
              1,everyone,hotline,2026-11-02T10:00:00Z,2026-11-02T10:00:20Z,360",
        context: "",
    },
];

const PAIN_JOURNEY: &str = "journey repair { segments everyone; start request\n  \
    step request { owner support; channel phone; next visit }\n  \
    step visit { owner installers; channel field; next done }\n  \
    step done { owner support; channel phone; end \"Repaired\" } }";

const JOURNEY: &str = "journey repair { segments everyone; start request\n  \
    step request { owner support; channel phone; next visit }\n  \
    step visit { owner installers; channel field; within 1d; next done }\n  \
    step done { owner support; channel phone; end \"Repaired\" } }";
