## A pair's meetings

help-cmd-meeting = see your meetings, plan one, log one that took place
meetings-no-pair = You are not in an active pair, so there are no meetings to follow yet. Type /status to see where you stand, or /apply to apply to the programme.
meetings-pair-not-ready = Your pair has not started yet: it starts once the mentor has accepted and you have both signed the charter. Type /status to see the current step.
meetings-which-pair = You are in several pairs. Whose meetings would you like to see?
meetings-log-title = Your meetings with { $name }:
meetings-log-empty = No meetings yet. A first meeting of about an hour is a good start!
meetings-log-earlier =
    { $count ->
        [one] (1 earlier meeting is not shown; "Edit a meeting" lists them all.)
       *[other] ({ $count } earlier meetings are not shown; "Edit a meeting" lists them all.)
    }
meetings-line = { $number }. { $when } · { $minutes } min · { $format } · { $status }
meetings-line-themes = Themes: { $themes }
meetings-line-note = Private note: { $text }
meetings-line-actions = Action items: { $text }
meetings-what = What would you like to do?
meetings-plan = Plan a meeting
meetings-log = Log a meeting that took place
meetings-record = Cancel a meeting, or say whether it took place
meetings-edit = Edit a meeting
meetings-delete = Delete a meeting
meetings-which = Which one?
meetings-pick = Meeting no. { $number }, { $when }
meetings-none-to-pick = There is no meeting left to choose here. Type /meeting to see your up-to-date log.

## Statuses and answers

meeting-status-planned = planned
meeting-status-held = held
meeting-status-cancelled = cancelled
meeting-status-no_show = did not take place
meeting-answer-held = Yes, it took place
meeting-answer-cancelled = It was cancelled
meeting-answer-no_show = It did not happen
meeting-keep = No, keep it

## Forms

meeting-plan-title = Let's plan your next meeting. /back goes to the previous question, /cancel stops.
meeting-log-title = Let's log the meeting that took place. /back goes to the previous question, /cancel stops.
meeting-edit-title = Let's edit this meeting. /back goes to the previous question, /cancel stops without changing anything.
meeting-edit-intro = Here is the meeting as it is recorded:
meeting-f-when-plan = When will the meeting take place?
meeting-h-when-plan = For example "next Tuesday 2pm" or "3 December 10:30". The time is in your time zone.
meeting-f-when-log = When did the meeting take place?
meeting-h-when-log = For example "yesterday 2pm" or "last Monday 9:30am".
meeting-f-minutes = How long does it last?
meeting-h-minutes = Between { $low } minutes and { $hours } hours, for example "1h30", "45 min" or "an hour".
meeting-f-format = In what format?
meeting-f-themes = Which broad themes did you cover?
meeting-f-tags = Any other themes, in a few words?
meeting-h-tags = Keywords separated by commas, for example: remote work, public speaking. At most { $count }, of { $length } characters each. The coordinators see them: keep anything personal out.
meeting-f-note = A private note about this meeting?
meeting-h-note = Encrypted, readable only by your pair and you; the coordinators never have access to it.
meeting-f-actions = Any action items before next time?
meeting-h-actions = They stay private, like the note: only your pair sees them.
meeting-h-edit-private = The current text, if any, is shown above. Type - to keep it, write a new text to replace it, or type "{ $word }" to delete it.
meeting-erase-word = erase
meeting-tag-too-long = The keyword "{ $tag }" is too long: { $limit } characters at most. Shorten it, or keep the detail for the private note.
meeting-tags-too-many = That makes { $count } keywords: { $limit } at most. Keep the main ones.

## Confirmations

meeting-planned = Noted: meeting planned for { $when }. Here is the file to add to your calendar; your pair receives it too.
meeting-planned-other = { $name } planned your next meeting for { $when }. Here is the file to add to your calendar.
meeting-changed = Done: the meeting on { $when } is updated.
meeting-changed-other = { $name } updated your meeting, now on { $when }. Type /meeting to see it.
meeting-logged = Thank you! The meeting on { $when } is in your log.
meeting-logged-other = { $name } logged your meeting on { $when }. Type /meeting to see your log.
meeting-delete-confirm = Do you really want to delete the meeting on { $when }? Its private note and action items will be deleted too.
meeting-delete-yes = Yes, delete it
meeting-deleted = The meeting on { $when } is deleted.
meeting-deleted-other = { $name } deleted the meeting on { $when } from your log.
meeting-unchanged = All right, nothing has changed.

## "Did it take place?"

meeting-held-question = Your meeting with { $name }, planned for { $when }: did it take place?
meeting-cancel-question = The meeting on { $when } is still to come. Would you like to cancel it?
meeting-recorded = Noted: the meeting on { $when } is marked "{ $status }".
meeting-recorded-tip = If you like, add the themes you covered and a private note: /meeting, then "Edit a meeting".
meeting-recorded-other = { $name } marked your meeting on { $when } as "{ $status }".
meeting-already-recorded = This is already recorded: the meeting is marked "{ $status }". Nothing has changed.
meeting-not-yet = This meeting has not started yet: you can say whether it took place after its start time. Until then, you may cancel it.
meeting-reminder = Reminder: you are meeting { $name } on { $when }, for { $minutes } min ({ $format }). Have a good meeting!

## Errors

meeting-gone = This meeting no longer exists: it was probably deleted. Type /meeting to see your up-to-date log.
meeting-not-yours = This meeting is not one of your pair's: I cannot change anything in it. Type /meeting to see your own meetings.

## Calendar file

meeting-ics-summary = Mentoring: { $mentor } / { $mentee }
meeting-ics-description = Mentoring meeting ({ $format }).
meeting-ics-caption = Meeting on { $when }: open this file to add it to your calendar.
meeting-ics-cancelled-caption = The meeting on { $when } is cancelled: open this file to remove it from your calendar.
