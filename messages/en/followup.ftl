## The coordinators' follow-up of the pairs: dashboard (/admin suivi, App Home, mentorbot dashboard) and chart

admin-section-followup = Follow-up
followup-heading = Follow-up of "{ $programme }" on { $day }
followup-heading-referent = Follow-up of your pairs in "{ $programme }" on { $day }
followup-applications = Applications: { $counts }
followup-applications-none = Applications: none
followup-application-draft = { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
}
followup-application-submitted = { $count ->
    [one] { $count } submitted
   *[other] { $count } submitted
}
followup-application-eligible = { $count ->
    [one] { $count } accepted, waiting for a pair
   *[other] { $count } accepted, waiting for a pair
}
followup-application-ineligible = { $count ->
    [one] { $count } not accepted
   *[other] { $count } not accepted
}
followup-application-withdrawn = { $count ->
    [one] { $count } withdrawn
   *[other] { $count } withdrawn
}
followup-application-matched = { $count ->
    [one] { $count } paired
   *[other] { $count } paired
}
followup-pairs = Pairs: { $counts }
followup-pairs-none = Pairs: none yet
followup-state-proposed = { $count ->
    [one] { $count } waiting for the mentor's answer
   *[other] { $count } waiting for the mentor's answer
}
followup-state-awaiting_charter = { $count ->
    [one] { $count } waiting for the charter
   *[other] { $count } waiting for the charter
}
followup-state-active = { $count ->
    [one] { $count } active
   *[other] { $count } active
}
followup-state-completed = { $count ->
    [one] { $count } completed
   *[other] { $count } completed
}
followup-state-withdrawn = { $count ->
    [one] { $count } ended early
   *[other] { $count } ended early
}
followup-state-declined = { $count ->
    [one] { $count } declined by the mentor
   *[other] { $count } declined by the mentor
}
followup-state-expired = { $count ->
    [one] { $count } not answered by the mentor
   *[other] { $count } not answered by the mentor
}
followup-meetings = Meetings: { $held } held; at the programme's rhythm, { $expected ->
    [0] none expected yet
   *[other] { $expected } expected by now, { $on_pace } of them held
}; { $cancelled ->
    [one] { $cancelled } cancelled
   *[other] { $cancelled } cancelled
}; { $no_show ->
    [one] { $no_show } did not take place
   *[other] { $no_show } did not take place
}
followup-objectives = Objectives: { $reached } reached of { $set } set
followup-late = Delays: { $overdue ->
    [one] { $overdue } pair without a meeting for too long
   *[other] { $overdue } pairs without a meeting for too long
}; { $paused ->
    [one] { $paused } paused
   *[other] { $paused } paused
}
followup-completion = Completion: { $completed ->
    [one] { $completed } pair
   *[other] { $completed } pairs
} completed of { $started } started
followup-pulse = Mean pulse, oldest to latest: { $trend }
followup-pulse-one = Mean pulse: { $value } (a single pulse check so far)
followup-pulse-single = Mean pulse: { $value }
followup-pulse-hidden = Mean pulse: not shown yet, a round is shown from { $min } answers
followup-pulse-withheld = { $count ->
    [one] { $count } round with fewer than { $min } answers is not shown
   *[other] { $count } rounds with fewer than { $min } answers are not shown
}
followup-pulse-none = Mean pulse: no answer yet
followup-person-erased = someone who left the programme
followup-pair = { $mentee } and { $mentor }: { $facts }
followup-pair-meetings = { $held } { $held ->
    [one] meeting
   *[other] meetings
}, { $expected } expected by now
followup-pair-last = last on { $day }
followup-pair-next = next on { $day }
followup-pair-cancelled = { $count } cancelled
followup-pair-no-show = { $count ->
    [one] { $count } did not take place
   *[other] { $count } did not take place
}
followup-pair-objectives = { $reached } of { $set } { $set ->
    [one] objective
   *[other] objectives
} reached
followup-pair-no-objective = no objective set
followup-pair-overdue = overdue
followup-pair-paused = paused until { $day }
followup-pair-pulse = pulse { $value }
followup-pair-pulse-low = pulse { $value } (low)
followup-pair-state-awaiting_charter = waiting for the charter
followup-pair-state-completed = completed
followup-pair-state-withdrawn = ended early
followup-attention = Needing attention:
followup-attention-none = No pair needs particular attention; the "All pairs" button lists them one by one.
followup-others = … and { $count ->
    [one] { $count } other pair
   *[other] { $count } other pairs
}: the "All pairs" button lists them all.
followup-button-chart = Chart
followup-button-all = All pairs
followup-button-next = Next pairs
followup-what-next = What would you like to see?
followup-page = Pairs { $first } to { $last } of { $total } (mentee, then mentor)
followup-no-pairs = No pair to list yet.
followup-empty = The follow-up fills in once a mentor has accepted a mentee.
followup-chart-caption = Follow-up of "{ $programme }" on { $day }
followup-chart-file = follow-up-{ $slug }.png
followup-chart-states = Pairs by state
followup-chart-meetings = Meetings
followup-chart-held = held
followup-chart-expected = expected by now
followup-chart-on-pace = expected and held
followup-chart-cancelled = cancelled
followup-chart-no-show = did not take place
followup-chart-objectives = Objectives
followup-chart-set = set
followup-chart-reached = reached
followup-chart-pulse = Mean pulse (1 to 5)
followup-chart-no-pair = no pair yet
followup-chart-pulse-hidden = not shown yet: fewer than { $min } answers
followup-chart-no-pulse = no answer yet
followup-home-button = Follow-up
journal-admin-suivi-chart = follow-up chart
journal-admin-suivi-pairs = full list of the pairs' follow-up
journal-dashboard = follow-up dashboard (command line)
