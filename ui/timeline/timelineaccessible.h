// What a screen reader sees of the timeline: the view named "Timeline", a child per job shown, and below each
// its runs and coming fire times, each named in words ("Nightly backup: Success, Sat 5 Dec 02:30, took 4 min").
#pragma once

namespace punctual {

/// Installs the factory that gives TimelineView its accessible interface (QAccessible::installFactory); once.
void installTimelineAccessibility();

} // namespace punctual
