## English catalog. Every key of fr.ftl (the source) exists here, with the same variables.

## Welcome

welcome =
    Hello and welcome! I am mentorbot, the assistant of the mentoring programme.

    Mentoring is a confidential, voluntary exchange between two colleagues with no reporting line between them: an experienced person (the mentor) helps another (the mentee) step back and move forward, at about one one-hour meeting a month.
    It is not training, coaching or an assessment: nothing said within the pair goes up to management.

    With me you can: apply as a mentor or a mentee, pick your mentor among a few proposals, sign the charter, plan and log your meetings, follow your objectives and answer the questionnaires.
welcome-language = Which language would you like to use?
welcome-next = Type /help to see everything I can do.
welcome-invitation = You are joining the programme "{ $programme }". Type /apply to apply.
welcome-invitation-unknown = This invitation link matches no open programme. Ask your coordinators for a new link.

## Help

help-intro = Here are the commands you can use:
help-line = /{ $command }: { $text }
help-cmd-start = introduce myself and the programme
help-cmd-help = show this help
help-cmd-language = change language (French or English)
help-cmd-privacy = what is kept and who sees it
help-cmd-export = get all your data in a file
help-cmd-erase = erase your data
help-cmd-cancel = leave the current step

## Language

language-question = You are currently using { $current ->
        [fr] French
       *[en] English
    }. Which language do you prefer?
language-set = Done: we will continue in English.

## Privacy

privacy =
    What I keep: your name as your messaging tool gives it, your language and time zone, your application answers, the dates, durations, formats and themes of your meetings, your objectives and your questionnaire answers.

    Who sees what:
    • you and your partner: everything about your pair, private notes and action plans included;
    • your referent and the coordinators: only the dates, durations, formats and general themes of meetings, attendance, the pair's status and its objectives (never the text of an objective marked private);
    • coordinators see questionnaires only as an anonymous summary, never for a group of fewer than 5 people.

    Private notes are encrypted with a key the database does not hold. Nobody outside your pair can read them.

    Your rights: /export sends you all your data in a file; /erase erases it: your name, your accounts and everything you wrote are gone, your ongoing pairs end and the other person is told, without your words. Only anonymous figures remain (applications, pairs, meetings, objectives); the notes of the other member of your pair stay theirs.

    Once a programme has ended, its personal data is erased after the retention period the coordinators set (12 months by default); only its anonymous figures are kept.
export-caption = All the data I keep about you.
erase-confirm = Do you really want to erase all your data? Your ongoing pairs will be closed and this cannot be undone.
erase-yes = Yes, erase everything
erase-no = No, keep my data
erase-kept = Nothing was erased.
erase-done = Your data is erased. If you write to me again, I will welcome you as a new person.

## Navigation

cancelled = Step left. What was already saved is kept.
nothing-to-cancel = There is nothing in progress to leave.

## Errors

error-too-long = This message is too long ({ $length } characters): { $limit } characters at most. Shorten it and send it again.
error-pick-option =
    { $count ->
        [one] Answer with the button, or type 1.
       *[other] Answer with one of the buttons, or type a number from 1 to { $count }.
    }
hint-not-understood = I did not understand. Type /help to see what I can do.
error-unknown-command = I do not know the command { $command }. Type /help for the list of commands.
error-button-unknown = This button does not match anything I know. Type /help to see what I can do.
error-button-used = Already taken into account: this button has been used before.
error-button-stale = This button comes from an old message and is no longer valid. Use the most recent question.
error-internal = A technical problem stopped me from handling your message. Nothing you had already saved is lost; try again in a moment.

## Coordination

help-cmd-admin = coordination: the programme's figures (coordinators only)
admin-refused = This command is for the programme's coordinators. If you should have access, ask the team running the programme.
admin-unknown = "{ $command }" is not a coordination command I know. Type /admin to see the programme's figures.
admin-pair-proposed = waiting for the mentor's answer
admin-pair-awaiting_charter = waiting for the charter
admin-pair-active = active
admin-pair-completed = completed
admin-pair-withdrawn = ended early
admin-pair-declined = declined by the mentor
admin-pair-expired = not answered by the mentor
home-heading-none = Mentoring programme
home-continue = Continue
home-resume-form = Resume the form
home-objectives =
    Objectives: { $total ->
        [0] none set
        [one] { $reached } of 1 reached
       *[other] { $reached } of { $total } reached
    }
home-figures = Programme figures
