## Le pouls : « comment ça se passe ? » de 1 à 5, toutes les quelques semaines

pulse-question = Comment ça se passe dans votre binôme avec { $partner } ? Un clic, de 1 (difficile) à 5 (très bien). Votre réponse n'est pas montrée à { $partner } ; une note basse prévient { $told ->
        [referent] votre référent
       *[admins] les administrateurs du programme
    }, sans dire qui l'a donnée.
pulse-1 = 1 — difficile
pulse-2 = 2
pulse-3 = 3
pulse-4 = 4
pulse-5 = 5 — très bien
pulse-thanks = Merci, c'est noté !
pulse-changed = C'est corrigé.
pulse-low = Dans « { $programme } », le binôme { $mentee } – { $mentor } traverse peut-être une période difficile : un mot de votre part pourrait l'aider. Son suivi : /admin suivi.
