## Appariement : pourquoi moins de propositions, et le projet du comité (/admin matching, mentorbot match)

match-short-intro = Moins de propositions que prévu :
match-short =
    { $name } : { $found ->
        [0] aucune proposition
        [one] une proposition
       *[other] { $found } propositions
    } sur { $wanted }
match-left-named = { $left } : { $names }
match-left-more =
    { $names } et { $more ->
        [one] un autre
       *[other] { $more } autres
    }
match-left-pool = aucun mentor écarté : le programme ne compte pas d'autre mentor
draft-heading =
    Projet du comité pour « { $programme } » : { $placed ->
        [0] aucun mentoré placé
        [one] un mentoré placé
       *[other] { $placed } mentorés placés
    } sur { $mentees }{ $locked ->
        [0] .
        [one] , dont un verrouillé.
       *[other] , dont { $locked } verrouillés.
    }
draft-row = { $mentee } avec { $mentor } (score { NUMBER($score, maximumFractionDigits: 2) } ; { $reasons })
draft-row-none = { $mentee } : pas de mentor dans le projet
draft-row-locked = — verrouillé
draft-row-moved = — déplacé par le comité : « { $reason } »
draft-row-released = (le placement verrouillé n'était plus possible : ce mentor n'a plus de place, a quitté le programme ou une règle l'exclut désormais ; le verrou est levé)
draft-unplaced-taken = { $mentee } : les mentors possibles sont déjà placés avec d'autres mentorés
draft-more =
    { $count ->
        [one] … et un autre.
       *[other] … et { $count } autres.
    }
draft-more-rows =
    { $count ->
        [one] … et un autre mentoré
       *[other] … et { $count } autres mentorés
    } : la liste complète avec « mentorbot match --programme { $slug } ».
coordinator-draft-review = Consultez-le avec /admin matching (ou « mentorbot match --programme { $slug } »), déplacez un mentoré si besoin, puis publiez : chaque mentor placé sera sollicité.
draft-publish = Publier le projet
draft-move = Déplacer un mentoré
draft-lock-shown = Verrouiller ces placements
draft-unlock-shown = Déverrouiller ces placements
draft-move-title = Déplacer un mentoré (programme « { $programme } »)
draft-f-reason = Raison du déplacement
draft-h-reason = Visible des coordinateurs seulement ; le placement est verrouillé et survit au recalcul du projet.
draft-nothing-to-move = Aucun mentoré à déplacer, ou aucun mentor n'a de place libre.
draft-moved = C'est noté : { $mentee } est placé avec { $mentor } dans le projet, placement verrouillé. Rien n'est envoyé avant la publication.
draft-locked = Placement de { $mentee } avec { $mentor } verrouillé : il survivra au recalcul du projet.
draft-unlocked = Placement de { $mentee } déverrouillé : le prochain calcul du projet pourra le changer.
draft-locked-shown =
    { $count ->
        [0] Ces placements étaient déjà verrouillés.
        [one] Un placement verrouillé : il survivra au recalcul du projet.
       *[other] { $count } placements verrouillés : ils survivront au recalcul du projet.
    }
draft-unlocked-shown =
    { $count ->
        [0] Aucun de ces placements n'était verrouillé.
        [one] Un placement déverrouillé : le prochain calcul du projet pourra le changer.
       *[other] { $count } placements déverrouillés : le prochain calcul du projet pourra les changer.
    }
draft-pair-reason = Placé par le projet d'appariement du comité.
draft-published =
    Projet du comité pour « { $programme } » publié : { $paired ->
        [0] aucun mentor sollicité
        [one] un mentor sollicité
       *[other] { $paired } mentors sollicités
    }{ $without ->
        [0] .
        [one] ; un mentoré reste sans mentor, prévenu (/admin pair pour former son binôme).
       *[other] ; { $without } mentorés restent sans mentor, prévenus (/admin pair pour former leurs binômes).
    }
draft-empty = Aucun projet à publier pour « { $programme } » : ouvrez /admin matching (ou « mentorbot match --programme { $slug } ») pour le calculer.
draft-refused = pas de binôme pour { $mentee } : { $why }
draft-mentee-unplaced = Le comité du programme « { $programme } » n'a pas encore de mentor à vous proposer : il continue de chercher, et je reviens vers vous dès qu'un mentor vous est proposé.
committee-refused-reason = Dites pourquoi vous déplacez { $mentee } : les coordinateurs et le journal d'audit le verront.
committee-refused-mentee_proposed = { $mentee } a déjà des propositions en cours : le projet ne place que les mentorés qui attendent.
draft-changed = Le projet a changé depuis que ce message a été affiché (un autre coordinateur, un mentor ou un mentoré a agi) : voici le projet à jour, avec ses boutons.
