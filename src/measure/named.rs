//! The spec's names as a reader resolves them: once for every row that
//! gives the same name (a Parquet dictionary's entry), to the declaration
//! [`Measurement::contact`] would find for the row's text — the same
//! look-up tables, so a name means the same whichever resolves it.

use super::lookup::Lookup;
use super::rows::{Field, Resolve};
use super::Measurement;
use crate::model::{Channel, Complaint, Idx, Segment};

/// The segments, channels and complaints a measurement knows, by every
/// name a row may give them.
pub struct Named {
    segments: Lookup<String, Idx<Segment>>,
    channels: Lookup<String, Idx<Channel>>,
    complaints: Lookup<String, Idx<Complaint>>,
}

impl<'m> Measurement<'m> {
    /// Its names, for a reader to resolve rows' names with.
    pub fn named(&self) -> Named {
        Named {
            segments: self.segments.clone(),
            channels: self.channels.clone(),
            complaints: self.complaint_ids.clone(),
        }
    }
}

impl Resolve for Named {
    fn id(&self, field: Field, name: &str) -> Option<u32> {
        let index = match field {
            Field::Segment => self.segments.get(name)?.index(),
            Field::Channel => self.channels.get(name)?.index(),
            Field::Complaint => self.complaints.get(name)?.index(),
            _ => return None,
        };
        u32::try_from(index).ok()
    }
}
