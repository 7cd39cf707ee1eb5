## Propositions de mentors et réponse du mentor

profile-line = { $name } : { $job }, { $organisation }, { $city }. { $years } ans d'expérience. Sujets : { $topics }. Format préféré : { $format }.
proposals-intro =
    { $count ->
        [one] Voici le mentor que je vous propose :
       *[other] Voici { $count } mentors que je vous propose. Choisissez celui avec qui vous aimeriez travailler :
    }
proposals-why = Pourquoi : { $reasons }.
proposals-pick = Choisir { $number } : { $name }
proposals-more = Voir d'autres propositions
proposals-decline-all = Aucune ne me convient
reason-topics = sujets en commun : { $topics }
reason-expectations = ce qui est proposé rejoint vos attentes
reason-experience =
    { $years ->
        [one] { $years } an d'expérience
       *[other] { $years } ans d'expérience
    }
reason-format = un format de rencontre en commun
reason-availability = des disponibilités en commun
reason-other-organisation = une autre organisation que la vôtre, donc sans enjeu professionnel
reason-other-unit = un autre service que le vôtre
reason-same-city = travaille tout près, à { $city }
reason-distance = à { NUMBER($km, maximumFractionDigits: 0) } km de votre ville
proposals-none =
    Je n'ai pas de mentor disponible à vous proposer pour le moment. { $waiting ->
        [yes] Je vous écris dès qu'un mentor qui vous correspond est disponible, sans que vous ayez rien à faire.
       *[no] { $told ->
            [yes] Les coordinateurs sont prévenus et reviendront vers vous.
           *[no] Tapez /status de temps en temps pour voir où en est votre candidature.
        }
    }
proposals-declined-all =
    C'est noté. { $told ->
        [yes] Les coordinateurs sont prévenus et reviendront vers vous pour trouver un mentor qui vous convienne.
       *[no] Je vous proposerai d'autres mentors dès que de nouveaux profils arriveront ; /status vous dit où vous en êtes.
    }
proposals-mentor-full = Ce mentor vient d'être choisi par quelqu'un d'autre et n'a plus de place. Choisissez parmi les autres propositions :
proposals-now-available = { $count ->
        [one] Bonne nouvelle : un mentor qui correspond à votre profil est maintenant disponible !
       *[other] Bonne nouvelle : des mentors qui correspondent à votre profil sont maintenant disponibles !
    }
proposals-declined-all-fresh = C'est noté : je ne vous proposerai plus ces mentors. Voici d'autres propositions.
proposals-no-more = Je n'ai pas d'autre mentor à vous proposer pour le moment. Voici de nouveau vos propositions :
proposals-mentor-full-alone = Ce mentor vient d'être choisi par quelqu'un d'autre et n'a plus de place.
proposals-asked = J'ai transmis votre demande à { $name }, qui a jusqu'au { $when } pour répondre. Je vous préviens dès que c'est fait.
coordinator-no-mentor = Aucun mentor disponible ne correspond à { $name } : un binôme est à constituer à la main.
coordinator-all-declined = { $name } n'a retenu aucun des mentors proposés : un échange avec cette personne est à prévoir.
mentor-request = Un mentoré vous a choisi comme mentor ! Vous avez { $days } jours pour répondre. Voici son profil :
mentor-request-expectations = Ses attentes : { $text }
mentor-accept = J'accepte
mentor-decline = Je ne peux pas
mentor-request-gone = Cette demande n'est plus en attente : elle a déjà reçu une réponse ou a expiré.
mentor-accepted = Merci ! Le binôme est formé. Il reste à signer la charte, que je vous envoie à tous les deux.
mentor-declined = C'est noté : le mentoré sera orienté vers un autre mentor, sans aucun jugement. Si vous le souhaitez, dites-moi pourquoi (cela reste privé) ; sinon tapez -.
mentee-accepted = Bonne nouvelle : { $name } a accepté d'être votre mentor ! Il reste à signer la charte.
mentee-forwarded-declined = { $name } ne peut pas vous accompagner cette fois. J'ai transmis votre demande à votre choix suivant, { $next }.
mentee-forwarded-expired = { $name } n'a pas répondu à temps. J'ai transmis votre demande à votre choix suivant, { $next }.
mentee-back-to-picking-declined = { $name } ne peut pas vous accompagner cette fois. Je vous propose d'autres mentors.
mentee-back-to-picking-expired = { $name } n'a pas répondu à temps. Je vous propose d'autres mentors.
mentee-back-to-waiting-expired = { $name } n'a pas répondu à temps.
mentee-back-to-waiting-declined = { $name } ne peut pas vous accompagner cette fois.
mentor-request-expired = Votre délai pour répondre à la demande de mentorat est passé : elle a été transmise à un autre mentor.
