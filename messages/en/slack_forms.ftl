# Slack modals: short titles for the title bar (24 characters at most), the introductions
# shown inside a modal (which has its own Cancel button), and what is said when one is closed.

modal-title-application = Application
modal-title-agreement = Pair agreement
modal-title-meeting-plan = Plan a meeting
modal-title-meeting-log = Log a meeting
modal-title-committee-pair = Form a pair
modal-title-committee-move = Move a mentee
modal-title-objective = New objective
modal-title-pause = Pause the pair
modal-title-programme = Programme
modal-title-questionnaire = Questionnaire
modal-title-role-grant = Grant a role

apply-form-title-modal = Application to the programme "{ $programme }". Nothing is saved before you submit; "Cancel" closes the form.
meeting-plan-title-modal = Let's plan your next meeting.
meeting-log-title-modal = Let's log the meeting that took place.
meeting-edit-title-modal = Let's edit this meeting. "Cancel" closes without changing anything.
qn-form-title-modal =
    { $title } — { $programme }: { $count ->
        [one] one question.
       *[other] { $count } questions.
    }
    Answer frankly: there are no right or wrong answers. "Cancel" closes without sending anything.

field-time-missing = Pick a time too.
slack-form-closed = Form closed: nothing was saved. Type /status to see where you stand and pick up again.

slack-time = Time
field-unexpected = This answer does not fit the field "{ $label }": fill it in again.
