# Slack adapter: texts of Slack's own widgets (buttons, modals, notes).

slack-see-dm = Je vous réponds dans notre conversation privée : l'onglet Messages de mentorbot.
slack-chosen = ✓ { $label }
slack-form-waiting = Un formulaire vous attend : { $title }
slack-open-form = Ouvrir le formulaire
slack-submit = Envoyer
slack-cancel = Annuler
