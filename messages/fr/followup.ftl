## Le suivi des binômes pour les coordinateurs : tableau de bord (/admin suivi, App Home, mentorbot dashboard) et graphique

admin-section-followup = Suivi des binômes
followup-heading = Suivi de « { $programme } » au { $day }
followup-heading-referent = Suivi de vos binômes dans « { $programme } » au { $day }
followup-applications = Candidatures : { $counts }
followup-applications-none = Candidatures : aucune
followup-application-draft = { $count ->
    [one] { $count } brouillon
   *[other] { $count } brouillons
}
followup-application-submitted = { $count ->
    [one] { $count } envoyée
   *[other] { $count } envoyées
}
followup-application-eligible = { $count ->
    [one] { $count } retenue en attente de binôme
   *[other] { $count } retenues en attente de binôme
}
followup-application-ineligible = { $count ->
    [one] { $count } non retenue
   *[other] { $count } non retenues
}
followup-application-withdrawn = { $count ->
    [one] { $count } retirée
   *[other] { $count } retirées
}
followup-application-matched = { $count ->
    [one] { $count } avec binôme formé
   *[other] { $count } avec binôme formé
}
followup-pairs = Binômes : { $counts }
followup-pairs-none = Binômes : aucun pour l'instant
followup-state-proposed = { $count ->
    [one] { $count } en attente de réponse du mentor
   *[other] { $count } en attente de réponse du mentor
}
followup-state-awaiting_charter = { $count ->
    [one] { $count } en attente de la charte
   *[other] { $count } en attente de la charte
}
followup-state-active = { $count ->
    [one] { $count } actif
   *[other] { $count } actifs
}
followup-state-completed = { $count ->
    [one] { $count } terminé
   *[other] { $count } terminés
}
followup-state-withdrawn = { $count ->
    [one] { $count } interrompu
   *[other] { $count } interrompus
}
followup-state-declined = { $count ->
    [one] { $count } refusé par le mentor
   *[other] { $count } refusés par le mentor
}
followup-state-expired = { $count ->
    [one] { $count } sans réponse du mentor
   *[other] { $count } sans réponse du mentor
}
followup-meetings = Rencontres : { $held ->
    [one] { $held } tenue
   *[other] { $held } tenues
} ; au rythme du programme, { $expected ->
    [0] aucune attendue encore
    [one] { $expected } attendue à ce jour, dont { $on_pace } tenue
   *[other] { $expected } attendues à ce jour, dont { $on_pace ->
        [one] { $on_pace } tenue
       *[other] { $on_pace } tenues
    }
} ; { $cancelled ->
    [one] { $cancelled } annulée
   *[other] { $cancelled } annulées
} ; { $no_show ->
    [one] { $no_show } non tenue
   *[other] { $no_show } non tenues
}
followup-objectives = Objectifs : { $reached ->
    [one] { $reached } atteint
   *[other] { $reached } atteints
} sur { $set ->
    [one] { $set } fixé
   *[other] { $set } fixés
}
followup-late = Retards : { $overdue ->
    [one] { $overdue } binôme sans rencontre depuis trop longtemps
   *[other] { $overdue } binômes sans rencontre depuis trop longtemps
} ; { $paused ->
    [one] { $paused } en pause
   *[other] { $paused } en pause
}
followup-completion = Achèvement : { $completed ->
    [one] { $completed } binôme terminé
   *[other] { $completed } binômes terminés
} sur { $started ->
    [one] { $started } commencé
   *[other] { $started } commencés
}
followup-pulse = Pouls moyen, du plus ancien au plus récent : { $trend }
followup-pulse-one = Pouls moyen : { $value } (une seule prise de pouls pour l'instant)
followup-pulse-single = Pouls moyen : { $value }
followup-pulse-hidden = Pouls moyen : pas encore montré, une prise de pouls ne l'est qu'à partir de { $min } réponses
followup-pulse-withheld = { $count ->
    [one] { $count } prise de pouls de moins de { $min } réponses n'est pas montrée
   *[other] { $count } prises de pouls de moins de { $min } réponses ne sont pas montrées
}
followup-pulse-none = Pouls moyen : pas encore de réponse
followup-person-erased = une personne partie du programme
followup-pair = { $mentee } et { $mentor } : { $facts }
followup-pair-meetings = { $held } { $held ->
    [one] rencontre
   *[other] rencontres
}, { $expected } { $expected ->
    [one] attendue
   *[other] attendues
} à ce jour
followup-pair-last = dernière le { $day }
followup-pair-next = prochaine le { $day }
followup-pair-cancelled = { $count ->
    [one] { $count } annulée
   *[other] { $count } annulées
}
followup-pair-no-show = { $count ->
    [one] { $count } non tenue
   *[other] { $count } non tenues
}
followup-pair-objectives = { $reached ->
    [one] { $reached } objectif atteint
   *[other] { $reached } objectifs atteints
} sur { $set }
followup-pair-no-objective = aucun objectif fixé
followup-pair-overdue = en retard
followup-pair-paused = en pause jusqu'au { $day }
followup-pair-pulse = pouls { $value }
followup-pair-pulse-low = pouls { $value } (bas)
followup-pair-state-awaiting_charter = en attente de la charte
followup-pair-state-completed = terminé
followup-pair-state-withdrawn = interrompu
followup-attention = À suivre de près :
followup-attention-none = Aucun binôme ne demande d'attention particulière ; le bouton « Tous les binômes » les liste un par un.
followup-others = … et { $count ->
    [one] { $count } autre binôme
   *[other] { $count } autres binômes
} : le bouton « Tous les binômes » les liste tous.
followup-button-chart = Graphique
followup-button-all = Tous les binômes
followup-button-next = Binômes suivants
followup-what-next = Que souhaitez-vous voir ?
followup-page = Binômes { $first } à { $last } sur { $total } (mentoré, puis mentor)
followup-no-pairs = Aucun binôme à lister pour l'instant.
followup-empty = Le suivi se remplira dès qu'un mentor aura accepté un mentoré.
followup-chart-caption = Suivi de « { $programme } » au { $day }
followup-chart-file = suivi-{ $slug }.png
followup-chart-states = Binômes par état
followup-chart-meetings = Rencontres
followup-chart-held = tenues
followup-chart-expected = attendues à ce jour
followup-chart-on-pace = attendues et tenues
followup-chart-cancelled = annulées
followup-chart-no-show = non tenues
followup-chart-objectives = Objectifs
followup-chart-set = fixés
followup-chart-reached = atteints
followup-chart-pulse = Pouls moyen (1 à 5)
followup-chart-no-pair = aucun binôme pour l'instant
followup-chart-pulse-hidden = pas encore montré : moins de { $min } réponses
followup-chart-no-pulse = pas encore de réponse
followup-home-button = Suivi
journal-admin-suivi-chart = graphique du suivi des binômes
journal-admin-suivi-pairs = liste complète du suivi des binômes
journal-dashboard = tableau de bord du suivi (ligne de commande)
