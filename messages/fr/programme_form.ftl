## Programmes dans la discussion : le formulaire des administrateurs

admin-section-programme = Programme : réglages, ouverture
pf-title-new = Nouveau programme
pf-title-edit = Réglages du programme
pf-yes = Oui
pf-no = Non
pf-none = non précisé
pf-slug = Identifiant court du programme
pf-slug-hint = Lettres, chiffres, - ou _ ; il figure dans les liens d'invitation (par exemple managers-2027).
pf-name = Nom du programme
pf-name-hint = Tel que les participants le liront.
pf-track = Parcours
pf-track-hint = Par exemple « premières fonctions managériales ».
pf-language = Langue du programme
pf-language-hint = Celle des personnes dont la plateforme ne dit rien. Par défaut : français.
pf-timezone = Fuseau horaire
pf-timezone-hint = Par exemple Europe/Paris (par défaut).
pf-applications_open = Ouverture des candidatures
pf-applications_open-hint = Une date comme 5 janvier 2027. Sans réponse : ouvertes dès maintenant.
pf-applications_close = Clôture des candidatures
pf-applications_close-hint = Une date comme 15 février 2027. Sans réponse : pas de clôture.
pf-starts = Début du programme
pf-starts-hint = Sans réponse : à la clôture des candidatures.
pf-ends = Fin du programme
pf-ends-hint = Sans réponse : sept mois après le début.
pf-target_sessions = Nombre de rencontres visé
pf-target_sessions-hint = De 1 à 24 ; 6 par défaut.
pf-max_gap_weeks = Écart maximal entre deux rencontres, en semaines
pf-max_gap_weeks-hint = De 1 à 26 ; 8 par défaut.
pf-proposals = Nombre de mentors proposés à chaque mentoré
pf-proposals-hint = De 3 à 5 ; 3 par défaut.
pf-mentor_capacity = Nombre de mentorés par mentor
pf-mentor_capacity-hint = De 1 à 10 ; 1 par défaut.
pf-matching = Mode d'appariement
pf-matching-hint = Par défaut : dès la candidature.
pf-matching-on_apply = Dès la candidature
pf-matching-at_close = À la clôture des candidatures
pf-matching-committee = Par un comité
pf-answer_delay_days = Délai de réponse d'un mentor, en jours
pf-answer_delay_days-hint = De 1 à 30 ; 3 par défaut.
pf-other_organisation = Mentor et mentoré toujours dans des organisations différentes ?
pf-other_organisation-hint = Par défaut : non.
pf-in_person = Les rencontres se font-elles de préférence en personne ?
pf-in_person-hint = Si oui, je propose plutôt des mentors proches : la distance entre les villes compte. Par défaut : non. Le poids de chaque critère (thèmes, attentes, expérience, distance…) se règle dans le fichier du programme.
pf-topics = Thèmes proposés aux candidats
pf-topics-hint = Séparés par des virgules.
pf-themes = Thèmes généraux des comptes rendus de rencontre
pf-themes-hint = Séparés par des virgules ; par défaut les mêmes que les thèmes proposés.
pf-mentor_min_years = Mentors : années d'expérience minimales
pf-mentor_min_years-hint = 0 par défaut.
pf-mentor_min_posts = Mentors : nombre minimal de postes occupés
pf-mentor_min_posts-hint = 0 par défaut.
pf-mentee_min_years = Mentorés : années d'expérience minimales
pf-mentee_min_years-hint = 0 par défaut.
pf-mentee_min_posts = Mentorés : nombre minimal de postes occupés
pf-mentee_min_posts-hint = 0 par défaut.
pf-midterm = Ouverture du questionnaire de mi-parcours
pf-midterm-hint = Une date ; sans réponse, il s'ouvre sur votre demande.
pf-final = Ouverture du questionnaire final
pf-final-hint = Une date ; sans réponse, il s'ouvre à la fin du programme.
pf-free_text_in_synthesis = Citer les réponses libres (anonymisées) dans la synthèse ?
pf-free_text_in_synthesis-hint = Par défaut : non.
pf-pulse_weeks = Toutes les combien de semaines demander « Comment ça se passe ? »
pf-pulse_weeks-hint = De 0 à 12 ; 4 par défaut ; 0 pour ne jamais le demander.
pf-retention_months = Conservation des données après la fin, en mois
pf-retention_months-hint = De 1 à 120 ; 12 par défaut.
pf-alternative = Message aux candidats non retenus
pf-alternative-hint = Une autre piste à leur proposer (facultatif).
pf-error-date = Je n'ai pas reconnu une date complète. Écrivez par exemple 5 janvier 2027 ou 05/01/2027.
pf-error-slug-taken = Un programme porte déjà cet identifiant : choisissez-en un autre.
pf-created = Le programme « { $programme } » est créé. Tapez /admin pour le piloter et obtenir son invitation.
pf-updated = Le programme « { $programme } » est modifié : { $keys }.
pf-unchanged = Rien n'a changé dans le programme « { $programme } ».
pf-edit = Modifier les réglages
pf-open-now = Ouvrir les candidatures maintenant
pf-close-now = Clore les candidatures maintenant
pf-open-done = Les candidatures au programme « { $programme } » sont ouvertes.
pf-close-done = Les candidatures au programme « { $programme } » sont closes.
pf-summary =
    Programme « { $programme } »
    Candidatures : du { $opens } au { $closes }
    Programme : du { $starts } au { $ends }
    Appariement : { $matching } ; { $proposals } mentors proposés ; { $capacity } mentoré(s) par mentor{ $in_person ->
        [yes]  ; rencontres en personne, la distance compte
       *[no] { "" }
    }
    Rythme : { $sessions } rencontres, jamais plus de { $weeks } semaines d'écart
    Thèmes : { $topics }
pf-error-invalid = Cette réponse n'est pas acceptée pour ce réglage : vérifiez-la.
pf-error-slug = Uniquement des lettres, des chiffres, - ou _, sans espace (64 caractères au plus).
pf-error-timezone = Fuseau horaire inconnu : écrivez par exemple Europe/Paris ou America/Montreal.
pf-error-labels = Chaque thème compte de 1 à 80 caractères.
pf-error-repeated = Un thème figure deux fois.
pf-error-after-open = La clôture des candidatures doit venir après leur ouverture.
pf-error-after-starts = La fin du programme doit venir après son début.
pf-error-needed = L'appariement à la clôture demande une date de clôture des candidatures.
pf-error-after-midterm = Le questionnaire final doit s'ouvrir après celui de mi-parcours.
