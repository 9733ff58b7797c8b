-- The time zone a gathering meets in (an IANA name such as America/Chicago), so
-- its report reads in local time. Empty until the facilitator's browser or the
-- editor sets it; reports of a gathering without one are in UTC.
ALTER TABLE gatherings ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
