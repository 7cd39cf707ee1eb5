## Matching: why fewer proposals, and the committee's draft (/admin matching, mentorbot match)

match-short-intro = Fewer proposals than planned:
match-short = { $name }: { $found } of { $wanted } proposals
match-left-named = { $left }: { $names }
match-left-more =
    { $names } and { $more ->
        [one] one more
       *[other] { $more } more
    }
match-left-pool = no mentor left out: the programme has no other mentor
draft-heading =
    Committee's draft for "{ $programme }": { $placed } of { $mentees } { $mentees ->
        [one] mentee
       *[other] mentees
    } placed{ $locked ->
        [0] .
        [one] , one of them locked.
       *[other] , { $locked } of them locked.
    }
draft-row = { $mentee } with { $mentor } (score { NUMBER($score, maximumFractionDigits: 2) }; { $reasons })
draft-row-none = { $mentee }: no mentor in the draft
draft-row-locked = — locked
draft-row-moved = — moved by the committee: "{ $reason }"
draft-row-released = (the locked placement was no longer possible: that mentor has no place left, left the programme or a rule now rules them out; the lock is released)
draft-unplaced-taken = { $mentee }: the possible mentors are already placed with other mentees
draft-more =
    { $count ->
        [one] … and one more.
       *[other] … and { $count } more.
    }
draft-more-rows =
    { $count ->
        [one] … and one more mentee
       *[other] … and { $count } more mentees
    }: see the whole list with "mentorbot match --programme { $slug }".
coordinator-draft-review = Review it with /admin matching (or "mentorbot match --programme { $slug }"), move a mentee if needed, then publish: each mentor placed will be asked.
draft-publish = Publish the draft
draft-move = Move a mentee
draft-lock-shown = Lock these placements
draft-unlock-shown = Unlock these placements
draft-move-title = Move a mentee (programme "{ $programme }")
draft-f-reason = Reason for the move
draft-h-reason = Seen by coordinators only; the placement is locked and survives the draft being computed again.
draft-nothing-to-move = No mentee to move, or no mentor has a free place.
draft-moved = Noted: { $mentee } is placed with { $mentor } in the draft, placement locked. Nothing is sent before publishing.
draft-locked = { $mentee }'s placement with { $mentor } is locked: it will survive the draft being computed again.
draft-unlocked = { $mentee }'s placement is unlocked: the next computation of the draft may change it.
draft-locked-shown =
    { $count ->
        [0] These placements were already locked.
        [one] One placement locked: it will survive the draft being computed again.
       *[other] { $count } placements locked: they will survive the draft being computed again.
    }
draft-unlocked-shown =
    { $count ->
        [0] None of these placements was locked.
        [one] One placement unlocked: the next computation of the draft may change it.
       *[other] { $count } placements unlocked: the next computation of the draft may change them.
    }
draft-pair-reason = Placed by the committee's matching draft.
draft-published =
    Committee's draft for "{ $programme }" published: { $paired ->
        [0] no mentor asked
        [one] one mentor asked
       *[other] { $paired } mentors asked
    }{ $without ->
        [0] .
        [one] ; one mentee has no mentor and was told so (/admin pair to form their pair).
       *[other] ; { $without } mentees have no mentor and were told so (/admin pair to form their pairs).
    }
draft-empty = No draft to publish for "{ $programme }": open /admin matching (or "mentorbot match --programme { $slug }") to compute it.
draft-refused = no pair for { $mentee }: { $why }
draft-mentee-unplaced = The committee of the programme “{ $programme }” has no mentor to suggest to you yet: it is still looking, and I will come back to you as soon as a mentor is suggested.
committee-refused-reason = Say why you move { $mentee }: coordinators and the audit log will see it.
committee-refused-mentee_proposed = { $mentee } already has open proposals: the draft only places mentees who are waiting.
draft-changed = The draft has changed since this message was shown (another coordinator, a mentor or a mentee acted): here is the draft as it is now, with its buttons.
