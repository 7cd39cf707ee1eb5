# Slack adapter: texts of Slack's own widgets (buttons, modals, notes).

slack-see-dm = I answer you in our private conversation: the Messages tab of mentorbot.
slack-chosen = ✓ { $label }
slack-form-waiting = A form is waiting for you: { $title }
slack-open-form = Open the form
slack-submit = Submit
slack-cancel = Cancel
