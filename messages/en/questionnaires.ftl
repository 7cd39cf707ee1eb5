## Mid-term and final questionnaires

help-cmd-questionnaire = answer the mid-term and final questionnaires
qn-wave-midterm = mid-term questionnaire
qn-wave-final = final questionnaire
qn-title-midterm = Mid-term questionnaire
qn-title-final = Final questionnaire

## Invitation

qn-invite =
    The { $wave } of the "{ $programme }" programme is open until { $closes }.
    { $count ->
        [one] Just one question, about your experience of mentoring.
       *[other] { $count } short questions about your experience of mentoring: your engagement, the relationship in your pair, the rhythm, what you take away from it.
    } None of them is about the other person or about what you talk about.
    Your answers are read by your referent and feed an anonymous summary; your pair partner does not see them. You can change them until the questionnaire closes.
qn-answer-now = Answer now

## List and state

qn-list-intro = Your questionnaires:
qn-list-line = • { $title } — { $programme }: { $state }
qn-list-pick = Which one would you like to open?
qn-pick = { $title } — { $programme }
qn-state-new = not started yet, to fill in before { $closes }
qn-state-progress = in progress, you are at question { $index } of { $total }; to send before { $closes }
qn-state-sent = sent on { $sent }, can be changed until { $closes }
qn-state-closed-sent = closed on { $closes }; your answers are kept and can no longer change
qn-state-closed = closed on { $closes }, without an answer from you
qn-none = No questionnaire is open for you at the moment. I will write to you as soon as one is.
qn-no-pair = Questionnaires are for the mentors and mentees of a pair that has started. You are not in a pair yet, so there is nothing to fill in.

## Form

qn-form-title =
    { $title } — { $programme }: { $count ->
        [one] one question.
       *[other] { $count } questions.
    }
    Answer frankly: there are no right or wrong answers. /back returns to the previous question, /cancel stops without sending anything. If you are interrupted, your answers are kept and you will pick up where you left off.
qn-resume = You were answering this one: let's pick up at question { $index }.
qn-editing = You sent your answers on { $sent }. Each question shows your current answer: keep it or change it.
qn-hint-text = Please do not name anyone, and do not report what was said in your conversations.
qn-scale-end = { $number }: { $label }
qn-thanks = Thank you for taking the time! Your answers are saved. You can still change them until { $closes } with /questionnaire.
qn-updated = Noted: your answers are updated. You can still change them until { $closes }.

## Refusals

qn-unknown = This questionnaire no longer exists. Type /questionnaire to see the ones waiting for you.
qn-not-yours = This questionnaire is not meant for you: only the pairs that have started in its programme answer it. Type /questionnaire to see the ones waiting for you.
qn-not-open = The { $wave } opens on { $opens }. You can answer it from then on.
qn-closed = The { $wave } closed on { $closes }: it can no longer be answered.
qn-closed-sent = The { $wave } closed on { $closes }. Your answers, sent on { $sent }, are kept as they are and can no longer be changed.
qn-closed-meanwhile = The { $wave } closed while you were answering: these answers can no longer be saved. If you had sent answers before, they are kept.

## Questions

qn-q-engagement = How would you rate your own engagement in the mentoring?
qn-q-engagement-1 = very low
qn-q-engagement-5 = very high
qn-q-satisfaction = Overall, what do you think of the programme?
qn-q-satisfaction-1 = very disappointing
qn-q-satisfaction-5 = excellent
qn-q-relationship = How would you describe the working relationship in your pair (trust, listening, freedom to speak)?
qn-q-relationship-1 = difficult
qn-q-relationship-5 = excellent
qn-q-rhythm = Does the rhythm of your meetings suit you?
qn-q-rhythm-too_far = Meetings too far apart
qn-q-rhythm-right = It suits me
qn-q-rhythm-too_close = Meetings too close together
qn-q-rhythm-irregular = Rhythm too irregular
qn-q-topics = Were you able to cover the topics you wanted to discuss?
qn-q-topics-1 = none of them
qn-q-topics-5 = all of them
qn-q-expectations = At this stage, does the mentoring meet your expectations?
qn-q-expectations-1 = not at all
qn-q-expectations-5 = fully
qn-q-mentor_ease = Do you feel at ease in your role as a mentor?
qn-q-mentor_ease-1 = not at all
qn-q-mentor_ease-5 = completely
qn-q-referent_talk = Would you like to talk with your referent about how your mentoring is going?
qn-q-referent_talk-yes = Yes, gladly
qn-q-referent_talk-no = Not for now
qn-q-improve = What would make the rest of the programme more useful to you?
qn-q-objectives = To what extent have you reached the objectives you had set yourself?
qn-q-objectives-1 = not at all
qn-q-objectives-5 = entirely
qn-q-mentee_gains = What has the mentoring brought you?
qn-q-mentee_gains-confidence = More self-confidence
qn-q-mentee_gains-perspective = A step back from my daily work
qn-q-mentee_gains-positioning = A firmer footing as a manager
qn-q-mentee_gains-codes = A better understanding of the organisation and its ways
qn-q-mentee_gains-network = A wider professional network
qn-q-mentee_gains-skills = New skills
qn-q-mentee_gains-other = Something else
qn-q-mentor_gains = What has the role of mentor brought you?
qn-q-mentor_gains-own_practice = A fresh look at my own practice
qn-q-mentor_gains-passing_on = The pleasure of passing on
qn-q-mentor_gains-listening = Sharper listening and questioning
qn-q-mentor_gains-other_contexts = Discovering other work settings
qn-q-mentor_gains-network = A wider professional network
qn-q-mentor_gains-other = Something else
qn-q-learned = In a few words, what have you learned over the course of this mentoring?
qn-q-recommend = Would you recommend this programme to a colleague?
qn-q-recommend-yes = Yes, without hesitation
qn-q-recommend-probably = Probably
qn-q-recommend-unsure = I do not know
qn-q-recommend-no = No
qn-q-future_mentor = Would you like to become a mentor yourself one day?
qn-q-future_mentor-yes = Yes
qn-q-future_mentor-maybe = Maybe
qn-q-future_mentor-no = No
qn-q-mentor_again = Would you be willing to accompany a new mentee in a future session?
qn-q-mentor_again-yes = Yes
qn-q-mentor_again-maybe = Maybe
qn-q-mentor_again-no = No
qn-q-comment = A last word to help the coordinators improve the programme?
