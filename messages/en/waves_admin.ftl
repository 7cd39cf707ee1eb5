## Questionnaires for coordinators: opening and closing a wave, response rates, the followed pairs' answers, the anonymised synthesis (/admin questionnaires, mentorbot wave, mentorbot synthesis)

admin-section-questionnaires = Questionnaires: waves, answers, synthesis
waves-heading = Questionnaires of the programme "{ $programme }":
waves-line = • { $wave }: { $state }
waves-state-none = not opened yet
waves-state-open = open until { $closes }
waves-state-closed = closed on { $closes }
waves-rates = answers: { $total }; mentees: { $mentees }; mentors: { $mentors }
waves-rates-mine = answers from your pairs: { $total }; mentees: { $mentees }; mentors: { $mentors }
waves-rate = { $answered } of { $invited } ({ $percent }%)
waves-pick = What would you like to do?
waves-open = Open the { $wave }
waves-reopen = Reopen the { $wave }
waves-close = Close the { $wave }
waves-synthesis = Synthesis of the { $wave }
waves-answers = My pairs' answers to the { $wave }
waves-opened = The { $wave } is open until { $closes }. { $invited ->
    [0] Nobody to invite for now: no pair has started yet.
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
waves-closed = The { $wave } is closed: { $invited ->
    [0] nobody was invited to it.
   *[other] { $answered ->
        [0] none of the { $invited } invited people answered.
       *[other] { $answered } of the { $invited } invited people answered.
    }
} Anyone still filling it in will be told when they send it.
waves-already-closed = The { $wave } was already closed on { $closed }.
waves-not-open = The { $wave } is not open: there is nothing to close.
waves-no-wave = The { $wave } has not been opened yet: there is no synthesis and there are no answers to read.
waves-day-included = { $day } inclusive
waves-synthesis-later = The anonymised synthesis of the { $wave } can be read once the questionnaire has closed, after { $closes }: read while answers arrive, it would let one reading be compared with the next and give one person's answers away. Closing it now makes it readable at once.
waves-open-ask = { $invited ->
    [0] Open the { $wave }? Nobody to invite for now: no pair has started yet.
    [one] Open the { $wave } and invite one person?
   *[other] Open the { $wave } and invite { $invited } people?
} It will stay open until { $closes }.
waves-reopen-ask = { $invited ->
    [0] Reopen the { $wave }? Nobody new to invite.
    [one] Reopen the { $wave } and invite one new person?
   *[other] Reopen the { $wave } and invite { $invited } new people?
} It will stay open until { $closes }; answers already sent are kept.
waves-ask-midterm-open = The mid-term questionnaire is still open, until { $closes }: it will stay open, and both questionnaires will be open at the same time. To close it first, answer no, then choose "{ $close }".
waves-open-yes = Yes, open it
waves-open-no = No, open nothing
waves-open-dropped = The { $wave } was not opened.

## Anonymised synthesis

wsyn-heading = Anonymised synthesis of the { $wave } — "{ $programme }" ({ $state })
wsyn-rule = No figure is shown for a group of fewer than { $min } answers.
wsyn-previous = The synthesis as read on { $read }, from { $answers } answers ({ $sent } so far): so that no reading gives away, by difference, the answers of fewer than { $min } people, it will be updated from { $from } answers.
wsyn-held = The anonymised synthesis of the { $wave } was read on { $read }, from { $answers } answers, and some of them have been edited or erased since: so that no reading gives away, by difference, the answers of fewer than { $min } people, it can be read again from { $from } answers ({ $sent } so far).
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
wsyn-text-withheld = { $group }: { $count } free-text answers, not shown.
wsyn-text-how = Free-text answers are not quoted: the programme does not provide for it. To quote them, turn on "Quote free-text answers (anonymised) in the synthesis" in the programme's settings.

## Answers of the pairs a referent follows

wans-heading = Your pairs' answers to the { $wave } — "{ $programme }":
wans-none = None of your pairs has answered yet.
wans-pair = Pair { $mentee } – { $mentor }
wans-talk = { $count ->
    [0] Nobody has asked to talk with you.
    [one] One person would like to talk with you: { $people }.
   *[other] { $count } people would like to talk with you: { $people }.
}
wans-talk-person = { $name } (pair { $mentee } – { $mentor })
wans-person = { $role ->
    [mentor] Mentor
   *[mentee] Mentee
} { $name }, answers sent on { $sent }:
wans-line = • { $question } → { $answer }
wans-scale = { $value } out of 5
wans-text = "{ $text }"
wans-not-referent = You follow no pair of this programme: there are no answers to read. Admins read the anonymised synthesis, never each person's answers.

## The coordination journal

journal-questionnaires-open = opening of a questionnaire
journal-questionnaires-close = closing of a questionnaire
journal-questionnaires-synthesis = reading of a questionnaire's anonymised synthesis
journal-questionnaires-answers = reading of one's pairs' answers to a questionnaire
