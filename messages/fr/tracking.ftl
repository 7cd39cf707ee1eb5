## Le tableau de suivi des binômes (/admin → Exporter le suivi, mentorbot export tracking)

admin-section-tracking = Exporter le suivi
tracking-which-format = Sous quelle forme voulez-vous le tableau de suivi de « { $programme } » ? Il contient, pour chaque binôme, les dates, durées, formats, grands thèmes et la tenue des rencontres, et rien d'autre.
tracking-which-format-yours = Sous quelle forme voulez-vous le tableau de suivi de vos binômes dans « { $programme } » ? Il contient, pour chacun, les dates, durées, formats, grands thèmes et la tenue des rencontres, et rien d'autre.
tracking-csv = CSV (texte, pour tout tableur)
tracking-xlsx = Excel (XLSX)
tracking-unknown-format = Je peux exporter le tableau en CSV ou en Excel (XLSX) : choisissez l'un des deux.
tracking-empty = Aucun binôme à suivre pour l'instant dans « { $programme } » : le tableau se remplira dès qu'un mentor aura accepté un mentoré.
tracking-empty-yours = Aucun binôme ne vous est confié pour l'instant dans « { $programme } » : le tableau se remplira quand un administrateur vous en aura attribué.
tracking-caption = Tableau de suivi de « { $programme } » : { $pairs ->
        [one] un binôme
       *[other] { $pairs } binômes
    }, { $meetings ->
        [0] aucune rencontre
        [one] une rencontre
       *[other] { $meetings } rencontres
    }. Dates et heures { $zone }.
tracking-caption-yours = Tableau de suivi de vos binômes dans « { $programme } » : { $pairs ->
        [one] un binôme
       *[other] { $pairs } binômes
    }, { $meetings ->
        [0] aucune rencontre
        [one] une rencontre
       *[other] { $meetings } rencontres
    }. Dates et heures { $zone }.
tracking-file-stem = suivi
tracking-sheet = Suivi
tracking-zone = { $start ->
        [offset] en { $city }
        [vowel] à l'heure d'{ $city }
        [le] à l'heure du { $city }
        [les] à l'heure des { $city }
       *[other] à l'heure de { $city }
    }
tracking-unnamed = (sans nom)
tracking-col-pair = N° du binôme
tracking-col-mentee = Mentoré
tracking-col-mentor = Mentor
tracking-col-referent = Référent
tracking-col-state = État du binôme
tracking-col-date = Date de la rencontre
tracking-col-start = Heure de début
tracking-col-minutes = Durée (minutes)
tracking-col-format = Format
tracking-col-themes = Grands thèmes
tracking-col-attendance = Statut de la rencontre
journal-tracking-export = export du tableau de suivi
