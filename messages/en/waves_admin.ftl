## Questionnaires for coordinators: opening and closing a wave, response rates, the followed pairs' answers, the anonymised synthesis (/admin questionnaires, mentorbot wave, mentorbot synthesis)

admin-section-questionnaires = Questionnaires: waves, answers, synthesis
waves-heading = Questionnaires of the programme "{ $programme }":
waves-line = • { $wave }: { $state }
waves-state-none = not opened yet
waves-state-open = open until { $closes }
waves-state-closed = closed on { $closes }
waves-rates = answers: { $total }; mentees: { $mentees }; mentors: { $mentors }
waves-rate = { $answered } of { $invited } ({ $percent }%)
waves-pick = What would you like to do?
waves-open = Open the { $wave }
waves-reopen = Reopen the { $wave }
waves-close = Close the { $wave }
waves-synthesis = Synthesis of the { $wave }
waves-answers = My pairs' answers to the { $wave }
waves-opened = The { $wave } is open until { $closes }. { $invited ->
    [0] Nobody to invite for now: no pair has started.
    [one] One person is invited to answer it.
   *[other] { $invited } people are invited to answer it.
}
waves-reopened = The { $wave } is open again until { $closes }. Answers already sent are kept and can still be changed. { $invited ->
    [0] Nobody new to invite.
    [one] One new person is invited.
   *[other] { $invited } new people are invited.
}
waves-more-soon = The other members will be invited within the next few minutes.
waves-already-open = The { $wave } is already open, until { $closes }.
waves-midterm-ended = The programme has ended: there is no mid-term questionnaire to open any more. Open the final questionnaire instead.
waves-closed = The { $wave } is closed: { $answered } of { $invited } invited people answered. Anyone who was answering will be told when they send.
waves-not-open = The { $wave } is not open: there is nothing to close.
waves-no-wave = The { $wave } has not been opened yet: there is no synthesis and there are no answers to read.

## Anonymised synthesis

wsyn-heading = Anonymised synthesis of the { $wave } — "{ $programme }" ({ $state })
wsyn-rule = No figure is shown for a group of fewer than { $min } answers.
wsyn-question = ▸ { $question }
wsyn-group-all = Everyone
wsyn-group-mentor = Mentors
wsyn-group-mentee = Mentees
wsyn-too-few = { $group }: too few answers to show anything.
wsyn-scale = { $group }: { $count } answers, mean { $mean } out of 5 — { $spread }
wsyn-counts = { $group }: { $count } answers — { $spread }
wsyn-count-item = { $option }: { $count }
wsyn-text = { $group }: { $count } free-text answers, in alphabetical order, names removed:
wsyn-text-item = "{ $text }"
wsyn-text-withheld = { $group }: { $count } free-text answers, not shown: the programme does not show free text in the synthesis.

## Answers of the pairs a referent follows

wans-heading = Your pairs' answers to the { $wave } — "{ $programme }":
wans-none = None of your pairs has answered yet.
wans-pair = Pair { $mentor } / { $mentee }
wans-person = { $role ->
    [mentor] Mentor
   *[mentee] Mentee
} { $name }, answers sent on { $sent }:
wans-line = • { $question } → { $answer }
wans-scale = { $value } out of 5
wans-text = "{ $text }"
wans-not-referent = You follow no pair of this programme: there are no answers to read. Admins read the anonymised synthesis, never each person's answers.
