# warroom — messages en français. Chaque identifiant existe aussi dans en.ftl (un test le vérifie).

pane-incident = Incident
pane-checklist = Liste d’actions
pane-clocks = Délais
pane-contacts = Contacts
pane-journal = Journal
pane-help = Touches
pane-picker = Changer d’incident
pane-note = Ajouter une note au journal
pane-new = Déclarer un nouvel incident
label-severity = Gravité
label-category = Catégorie
label-phase = Phase
label-declared = Déclaré
label-detected = Détecté
label-commander = Pilote
label-scope = Périmètre
label-summary = Résumé
label-title = Titre
label-next = Ensuite
label-playbook = Procédure
not-set = non défini
scope-network = réseau
scope-cloud = cloud
scope-endpoints = postes
scope-ot = OT (industriel)
scope-personal-data = données personnelles
scope-none = non renseigné
clock-since-declared = Depuis la déclaration
status-saved = enregistré
status-saving = enregistrement…
status-help-hint = ? touches
status-local = local
status-tz-unknown = UTC (TZ { $tz } inconnu)
logged-at = consigné { $at }
cli-bad-warroom-now = WARROOM_NOW vaut « { $found } », qui n’est pas un instant RFC 3339 (c’est une aide aux tests : retirez-la, ou donnez par exemple 2026-11-28T14:00:00Z)
cli-at-for-writes = --at dit quand s’est passé ce qu’une commande enregistre : cette commande n’enregistre rien
when-unreadable = « { $found } » n’est pas une heure : écrivez 2026-11-28T13:05:00Z, « 2026-11-28 13:05 », 13:05 (heure locale), -25m ou -2h
when-skipped = { $found } n’existe pas en heure locale (un changement d’heure l’a sautée)
when-future = l’heure donnée est dans le futur ({ $at }) ; rien n’a été écrit
when-too-old = l’heure donnée ({ $at }) est plus d’un an avant { $before } ; si elle est juste, ajoutez --force
pane-when = Quand la prochaine saisie a-t-elle eu lieu ?
when-form-hint = 13:05 · -25m · 2026-11-28 13:05 · Entrée le garde · vide : maintenant
flash-backdate = La prochaine saisie sera datée du { $at } (quand elle a eu lieu)
status-backdate = prochaine saisie datée du { $at }
when-too-old-screen = l’heure donnée ({ $at }) est plus d’un an avant le { $before } ; si elle est juste, enregistrez-la en ligne de commande avec --force
cli-journal-on-terminal = sur un terminal, les caractères qu’il interpréterait sont montrés échappés ; écrivez dans un fichier (--output) ou un tube pour les octets exacts
cli-tz-unknown = TZ vaut { $tz }, qui n’est pas un fuseau connu de ce système : les heures locales sont montrées en UTC
status-following = suivi (lecture seule)
form-submit-hint = entrée valider · échap annuler · @13:05 en tête = quand c’est arrivé
form-choice-hint = ←/→ ou la première lettre pour changer
welcome-title = warroom — la cellule de crise dans votre terminal
welcome-empty = Aucun incident dans cette base pour l’instant.
welcome-about = warroom tient le journal d’un incident de sécurité : ce qui s’est passé, ce qui a été fait, par qui et quand ; la liste d’actions de la phase en cours ; les délais qui courent ; et les personnes à appeler. Chaque changement est écrit sur disque avant d’être affiché comme enregistré.
welcome-keys-intro = Touches de cet écran :
welcome-dashboard-intro = Une fois un incident ouvert :
welcome-more-keys = … et d’autres : ? affiche toutes les touches

mode-global = Partout
mode-welcome = Écran d’accueil
mode-dashboard = Tableau de bord
mode-picker = Choix de l’incident
mode-form = Formulaires
mode-confirm = Questions
mode-viewer = Brouillons
mode-journal = Journal complet
mode-help = Cette liste

action-quit = Quitter
action-help = Afficher ou masquer cette liste de touches
action-focus-next = Panneau suivant
action-focus-prev = Panneau précédent
action-up = Monter
action-down = Descendre
action-page-up = Page précédente
action-page-down = Page suivante
action-top = Aller au début
action-bottom = Aller à la fin
action-toggle-item = Cocher ou décocher l’élément choisi
action-add-note = Ajouter une note au journal
action-new-incident = Déclarer un nouvel incident
action-switch-incident = Changer d’incident
action-alert-retainer = Noter l’alerte au prestataire (délai SLA)
action-open-demo = Ouvrir un incident de démonstration (EXERCICE)
action-submit = Valider
action-cancel = Fermer / annuler
action-next-field = Champ suivant
action-prev-field = Champ précédent
action-view-next-phase = Voir la liste de la phase suivante
action-view-prev-phase = Voir la liste de la phase précédente
action-advance-phase = Passer l’incident à la phase suivante
action-phase-back = Revenir à la phase précédente
action-cycle-filter = Tous les éléments, ouverts, ou les miens
action-assign = Confier l’élément à une personne
action-add-item = Ajouter un élément à cette phase
action-not-applicable = Marquer l’élément sans objet
action-focus-clocks = Aller au panneau des délais
action-start-clock = Démarrer le délai choisi à la main
action-clock-met = Marquer le délai choisi comme tenu
action-waive-clock = Lever le délai choisi (avec un motif)
action-flag-personal-data = Violation de données (délais RGPD)
action-flag-significant = Incident important (délais NIS2)
action-flag-major = Incident majeur (délais DORA)
action-draft = Brouillon de notification du délai
action-search-contacts = Chercher dans l’annuaire
action-log-call = Noter un appel au contact choisi
action-new-contact = Ajouter un contact à l’annuaire
action-edit-contact = Modifier le contact choisi
action-open-journal = Journal complet, preuves, retours d’expérience
action-correct = Corriger l’événement choisi
action-retract = Retirer l’événement choisi (avec un motif)
action-export-report = Écrire le rapport (md, html, json)
action-export-exchange = Écrire les fichiers d’échange (MISP, STIX, Timesketch, CSV)
action-import-exchange = Importer des observables d’un événement MISP ou d’un bundle STIX
action-toggle-wall = Mur de crise : grand compte à rebours
action-take-over = Reprendre la base après fermeture du propriétaire
action-toggle-language = Langue : français / anglais
action-backdate = Dater la prochaine saisie (après coup)
action-edit-incident = Modifier l’incident : gravité, TLP…
action-close-incident = Clore l’incident (ou le rouvrir)

# Tout le reste : écrans, rapports, brouillons.
exercise = EXERCICE
clock-left = restant
clock-overdue = DÉPASSÉ
clock-due = échéance
checklist-empty = Aucun élément dans cette phase.
form-title-required = Il faut un titre pour déclarer un incident.
picker-empty = Aucun incident dans cette base pour l’instant.
too-small = warroom a besoin d’un terminal d’au moins
too-small-now = celui-ci fait
flash-retainer-alerted = Alerte au prestataire notée ; son délai de réponse court depuis la première alerte.
flash-retainer-again = Prestataire relancé (rappel) ; le délai court toujours depuis la première alerte.
flash-no-incident = Aucun incident ouvert : N pour en déclarer un.
flash-save-failed = NON ENREGISTRÉ
cli-no-data-dir = pas de répertoire de données : cette plateforme n’en a pas, passez --data-dir DIR
cli-no-such-group = la configuration partage le stockage avec le groupe { $group } (shared_host.group), que cet hôte n’a pas : en root, groupadd { $group }, puis usermod -aG { $group } IDENTIFIANT pour chaque intervenant
cli-not-in-group = vous ({ $login }) n’êtes pas dans le groupe { $group }, qui partage le stockage de cet hôte (shared_host.group) : en root, usermod -aG { $group } { $login }, puis reconnectez-vous
cli-the-note = la note
cli-ok = ok
cli-no-declaration = la base n’a renvoyé aucune déclaration
retainer-hours = 24/7
flash-last-phase = C’est la dernière phase
flash-first-phase = C’est la première phase
flash-no-item = Aucun élément choisi
form-text-required = Tapez d’abord un texte
checklist-none-open = Plus rien d’ouvert dans cette phase.
checklist-none-mine = Rien dans cette phase ne vous est confié.
checklist-not-current = pas la phase en cours
hint-not-applicable = Sans objet
hint-call = Appeler
hint-keep = Conserver
hint-starts = Démarre
hint-stops = Arrête
hint-id = Id
label-owner = Responsable
nobody = personne
pane-reason = Pourquoi cet élément est-il sans objet ?
pane-add-item = Ajouter un élément à cette phase
pane-assign = Confier cet élément à
pane-confirm = Confirmer
confirm-hint = o / y : oui   n / Échap : non
assign-hint = Tapez pour filtrer · ↑↓ choisir · Entrée confier · Échap annuler
add-item-hint = Entrée : ajouter   Tab : changer de responsable   Échap : annuler
next-none = plus rien d’ouvert dans cette phase
label-assignee = Confié à
cli-the-person = la personne
cli-the-item = le texte de l’élément
cli-the-reason = le motif
playbook-fallback = toute catégorie qu’aucune autre procédure ne revendique
playbook-items = éléments
playbook-picked-by = choisie pour
draft-to-complete = À COMPLÉTER
draft-prepared = Brouillon préparé
draft-recipient = Destinataire
draft-deadline = Échéance
draft-late = Envoyé après l’échéance ; motifs
draft-late-reasons = pourquoi ce retard
draft-section-entity = Organisme notifiant
draft-organisation = Organisme
draft-contact = Point de contact
draft-section-incident = Incident
draft-reference = Référence interne
draft-detected = quand il a été détecté
draft-aware = Prise de connaissance
draft-description = ce qui s’est passé, en quelques phrases
draft-section-measures = Mesures prises à ce jour
draft-planned = mesures envisagées, et pour en limiter les effets
draft-gdpr-nature = Nature de la violation (confidentialité, intégrité, disponibilité)
draft-gdpr-people = Catégories et nombre approximatif de personnes concernées
draft-gdpr-records = Catégories et nombre approximatif d’enregistrements concernés
draft-gdpr-dpo = Nom et coordonnées du DPO ou d’un autre point de contact
draft-gdpr-consequences = Conséquences probables pour les personnes
draft-gdpr-phased = Notification complète ou initiale
draft-gdpr-phased-default = Notification initiale ; des compléments suivront au fil des investigations.
draft-nis2-malicious = Un acte illicite ou malveillant est-il soupçonné ?
draft-nis2-cross-border = L’incident peut-il avoir un impact transfrontière ?
draft-nis2-update = Mise à jour de l’alerte précoce
draft-nis2-assessment = Évaluation initiale de la gravité et de l’impact
draft-nis2-iocs = Indicateurs de compromission, s’il y en a
draft-nis2-description = Description détaillée, avec gravité et impact
draft-nis2-root-cause = Type de menace ou cause profonde
draft-nis2-mitigation = Mesures d’atténuation appliquées et en cours
flash-select-clock = Choisissez d’abord un délai : c, puis ↑ ↓
starts-no-clock = aucun délai ne démarre
pane-met-reference = Délai tenu : référence (n° d’accusé de réception, courriel…)
pane-waive-reason = Pourquoi ce délai ne s’applique-t-il pas ?
viewer-hint = ↑↓ PgUp PgDn défiler · Échap fermer · aussi enregistré dans le répertoire de données, sous drafts/
clocks-none = Aucun délai défini.
clock-waived = levé
clock-met = tenu
clock-met-at = tenu
clock-ref = réf.
clock-waiting = en attente
clock-waits = attend :
clock-waits-met = démarre quand est tenu :
clock-by-hand = à démarrer à la main
clock-retainer-alert = alerte
clock-closure = clôture
clock-business-hours = compté en heures ouvrées
clock-not-applicable = sans objet
flash-select-contact = Choisissez d’abord un contact : Tab jusqu’au panneau Contacts
form-name-required = Un contact a besoin d’un nom
search-editing = Entrée garder · Échap effacer
search-applied = Échap effacer · / modifier
search-none = Aucun contact ne correspond.
nobody-for-role = personne dans l’annuaire
step-reached = joint
step-to-call = à appeler
verify-before-use = ⚠ À vérifier avant usage
contact-contract = contrat
contact-checked = vérifié le
contact-source = source :
pane-call = Noter un appel
call-hint = Tab : résultat   Entrée : enregistrer (note facultative)   Échap : annuler
label-outcome = Résultat
pane-contact-new = Ajouter un contact
pane-contact-edit = Modifier le contact
contact-form-hint = Tab / Maj-Tab : champ   Entrée : enregistrer   Échap : annuler
label-escalation = Escalade
hashing = calcul de l’empreinte
evidence-at = à
evidence-ok = ok : le fichier correspond à son SHA-256
evidence-mismatch = DIVERGENCE : le fichier a changé ; son SHA-256 est maintenant
evidence-unreachable = non vérifié, fichier inaccessible
evidence-no-hash = non vérifié, aucun SHA-256 enregistré
cli-the-lesson = le retour d’expérience
cli-the-correction = la correction
cli-cannot-retract-roster = un changement de l’équipe ne se retire pas (quelles clés pouvaient signer, et quand, doit rester tel quel) : retirez le membre avec `warroom identity revoke`, ou ajoutez-le de nouveau avec `warroom identity add`
cli-cannot-retract-declaration = l’événement 1 déclare l’incident et ne peut être retiré ; changez ce qu’il dit avec `warroom set`, ou terminez l’incident avec `warroom close`
report-title = Rapport post-incident
report-summary = Résumé
report-retractions = Entrées retirées
report-timeline = Ce que nous avons fait
report-phases = Phases et actions
report-clocks = Échéances
report-contacts = Contacts joints
report-evidence = Preuves
report-lessons = Retours d’expérience
report-integrity = Intégrité
report-none = Rien d’enregistré.
report-current = phase en cours
report-custody = garde
report-generated = Produit le
report-organisation = Organisme
pane-correct = Correction (l’original reste, barré)
pane-retract = Pourquoi retirer cet événement ?
pane-evidence = Enregistrer une preuve : description
pane-lesson = Ajouter un retour d’expérience
pane-transfer = Remettre cette preuve à
label-kind = Type
evidence-form-hint = Tab : type   Entrée : enregistrer   `description | /chemin/du/fichier` calcule son empreinte
lesson-form-hint = Tab : type   Entrée : enregistrer   recommandation : texte @responsable 2027-01-31
journal-view-title = Journal · Tab : onglet suivant · f filtre · / recherche · n note · c corriger · r retirer · o IOC · + ajouter · Échap fermer
label-showing = affiche
quick-note = Note :
quick-note-hint = Entrée : enregistrer, reste ouvert · Échap : fermer
journal-nothing = Aucun événement ne correspond.
evidence-none = Aucune preuve enregistrée. + en enregistre une (`description | /chemin` calcule l’empreinte du fichier).
evidence-no-hash-short = pas d’empreinte
lessons-none = Aucun retour pour l’instant. + ajoute une cause, une faiblesse, ce qui a marché, une recommandation.
wall-no-clock = Aucun délai en cours.
label-here = Présents
here-wall = mur
here-since = depuis { $time }
wall-responders = { $n ->
    [one] 1 intervenant connecté
   *[other] { $n } intervenants connectés
}
read-only = Lecture seule : cet écran suit le tableau de bord qui détient la base
owner-gone = Propriétaire fermé : T pour reprendre

# Avec des valeurs.
confirm-back = Ramener l’incident à la phase { $to } ?
playbook-auto = selon la catégorie : { $name }
assign-typed = { $name } (hors annuaire)
flash-clock-not-waiting = { $name } n’attend pas de démarrage
flash-clock-closed = { $name } est déjà tenu ou levé
flash-no-draft = Pas de brouillon de notification pour { $name }
flash-flag-already = Déjà noté : { $flag }, { $at }
flash-draft-saved = Brouillon enregistré : { $path }
clock-due-at = { $name } échéance { $local } ({ $utc } UTC)
confirm-start = Démarrer { $name } maintenant ? { $due }.
confirm-flag = Noter « { $flag } » à partir de maintenant ? Démarre : { $due }.
clocks-not-applicable = +{ $n } sans objet
clock-met-early = tenu avec { $by } d’avance
clock-met-late = tenu avec { $by } de retard
clock-start-named = démarrer { $name }
clock-met-named = { $name } tenu
confirm-step-clocks = Cette étape est liée aux délais. Noter aussi : { $what } ?
report-missed = dépassé de { $by }
report-running = en cours, { $left } restant
report-retracted = retiré par #{ $by } : { $reason }
report-corrected = corrigé par { $ids }
report-integrity-note = Le journal compte { $events } événements ; l’empreinte SHA-256 de sa tête est { $hash }. Vérifiez-la avec `warroom verify`.
retainer-role = CSIRT prestataire, répond sous { $minutes } min
retainer-role-tiers = CSIRT prestataire, répond sous { $times }
retainer-tier = { $time } dès la gravité { $severity }
retainer-tier-rest = { $time } en dessous
retainer-managed = service managé
retainer-evidence = Preuves : { $how }
retainer-business-hours = { $days } { $hours } { $zone }
retainer-holidays-off = hors jours fériés { $country }
outside-contract = hors du contrat du prestataire : { $areas }
outside-contract-call = hors du contrat du prestataire : { $areas } — appeler { $contacts }
flash-report-saved = Rapport écrit : { $paths }
flash-exchange-saved = Fichiers d’échange écrits (rien d’omis ; pour l’extérieur, `warroom export --max-tlp`) : { $paths }
met-by-step = étape { $item } de la liste
confirm-advance = { $open ->
    [one] 1 élément est encore ouvert
   *[other] { $open } éléments sont encore ouverts
} en { $from }. Passer quand même à { $to } ?

# Niveaux de gravité et catégories d’incident (taxonomie de référence ENISA).
severity-baseline = Référence
severity-low = Faible
severity-medium = Moyenne
severity-high = Élevée
severity-severe = Grave
severity-emergency = Urgence
category-abusive-content = Contenu abusif
category-malicious-code = Code malveillant
category-information-gathering = Collecte d’informations
category-intrusion-attempts = Tentatives d’intrusion
category-intrusions = Intrusions
category-availability = Disponibilité
category-information-content-security = Sécurité du contenu de l’information
category-fraud = Fraude
category-vulnerable = Vulnérable
category-other = Autre
category-test = Test

ago = il y a { $span }

# Pannes internes.
internal-error = erreur interne : ce changement n’a pas été effectué (voir warroom.log)
writer-gone = l’écriture s’est arrêtée : les changements encore « en cours » n’ont PAS été enregistrés (voir warroom.log)

# Taille de l’écran, avec ses nombres.
too-small-size = { too-small } { $min-w }×{ $min-h } ; { too-small-now } { $w }×{ $h }.

# Événements du journal, une ligne chacun. Le texte saisi (titres, notes, noms) arrive en variables.
event-declared = Déclaré : { $title } (gravité { $severity })
event-title = Titre modifié : { $title }
event-severity = Gravité modifiée : { $severity }
event-category = Catégorie modifiée : { $category }
event-tlp = Marquage modifié : { $tlp }
event-commander = Pilote de crise : { $commander }
event-scope = Périmètre : { $scope }
event-summary = Résumé : { $summary }
event-detected = Détecté le { $at }
event-phase = { $open ->
    [0] Phase : { $name }
    [one] Phase : { $name } (1 action laissée ouverte)
   *[other] Phase : { $name } ({ $open } actions laissées ouvertes)
}
event-item-added = Action ajoutée : { $text }
event-item-done = Action faite : { $item }
event-item-reopened = Action rouverte : { $item }
event-item-assigned = Action confiée à { $person } : { $item }
event-item-unassigned = Action confiée à personne : { $item }
event-item-not-applicable = Sans objet : { $item } ({ $reason })
event-retainer-alerted = Prestataire alerté : { $retainer } (répond sous { $minutes } min)
event-retainer-alerted-business-hours = Prestataire alerté : { $retainer } (répond sous { $minutes } min ouvrées)
event-called = Appel à { $contact } : { $outcome }
event-called-note = Appel à { $contact } : { $outcome } ({ $note })
event-contact-saved = Contact enregistré : { $name }
event-contact-verified = Contact vérifié : { $id } (le { $on })
event-evidence = Preuve { $reference } : { $description } ({ $kind })
event-evidence-handed = Preuve { $evidence } remise à { $to }
event-evidence-handed-note = Preuve { $evidence } remise à { $to } ({ $note })
event-lesson = Enseignement ({ $kind }) : { $text }
event-retracted = Retrait du #{ $event } : { $reason }
event-drill-started = Exercice lancé ({ $scenario }) : { $briefing }
event-inject = INJECT : { $text }
event-inject-from = INJECT de { $from } : { $text }
event-flag-set = Indicateur posé : { $flag }
event-flag-set-at = Indicateur posé : { $flag } (à compter du { $at })
event-clock-started = Délai démarré à la main : { $clock }
event-clock-met = Délai tenu : { $clock } (réf. { $reference })
event-clock-waived = Délai levé : { $clock } ({ $reason })
event-report-field = Rapport : { $field } rédigé
event-corrected = Correction du #{ $event } : { $text }
event-closed = Clos : { $resolution }

# Noms : filtres de la liste, indicateurs, brouillons, résultats d’appel, types et champs
# de contact, types d’enseignement, filtres du journal.
filter-all = tout
filter-open = ouvertes seulement
filter-mine = les miennes
assign-nobody = Personne (reprendre l’action)
flag-personal-data = violation de données personnelles avérée
flag-significant = incident important (NIS2)
flag-major = incident majeur (DORA)
flag-nis2-entity = entité NIS2
flag-dora-entity = entité DORA
flag-short-personal-data = violation
flag-short-significant = important
flag-short-major = majeur
flag-short-nis2-entity = entité NIS2
flag-short-dora-entity = entité DORA
draft-title-gdpr = Notification de violation de données personnelles (RGPD art. 33) - BROUILLON
draft-title-nis2-early = Alerte précoce NIS2 (art. 23(4)(a)) - BROUILLON
draft-title-nis2-notification = Notification d’incident NIS2 (art. 23(4)(b)) - BROUILLON
draft-title-nis2-final = Rapport final NIS2 (art. 23(4)(d)) - BROUILLON
outcome-reached = joint
outcome-no-answer = pas de réponse
outcome-message = message laissé
outcome-email = courriel envoyé
contact-kind-internal = interne
contact-kind-provider = fournisseur
contact-kind-retainer = CSIRT prestataire
contact-kind-authority = autorité
contact-kind-public-csirt = CSIRT public
contact-kind-insurer = assureur
contact-kind-bank = banque
contact-kind-police = police
contact-kind-other = autre
contact-field-name = Nom
contact-field-role = Rôle
contact-field-organisation = Organisme
contact-field-phone = Téléphones
contact-field-email = Courriel
contact-field-availability = Horaires
contact-field-roles = Ids de rôle
contact-field-notes = Notes
lesson-kind-cause = cause probable
lesson-kind-weakness = point faible
lesson-kind-went-well = ce qui a marché
lesson-kind-recommendation = recommandation
journal-filter-all = tous les événements
journal-filter-notes = notes
journal-filter-checklist = liste d’actions
journal-filter-clocks = délais
journal-filter-contacts = appels
journal-filter-evidence = preuves
journal-filter-amendments = corrections

# Ligne de commande, avec des valeurs.
cli-empty = { $what } : vide ; donnez un texte
cli-saved = { $id } enregistré, événement { $event }
cli-unknown-item = { $id } n’a pas d’action « { $item } » ; ses actions sont : { $known }
cli-already-done = { $id } : l’action { $item } est déjà faite ; rien d’enregistré
cli-already-open = { $id } : l’action { $item } n’est pas faite ; rien d’enregistré
cli-verified = { $id } : ok, { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}, tête { $head }
cli-unreadable = { $id } : ROMPU : { $why }
cli-broken = { $id } : ROMPU à { $why }
cli-reindexed = { $id } : manquait à la liste des incidents (son journal était sur le disque) ; de nouveau listé
cli-failed-verification = { $count ->
    [one] { $count } journal n’a pas passé la vérification
   *[other] { $count } journaux n’ont pas passé la vérification
}
cli-unknown-playbook = procédure inconnue « { $found } » ; valeurs possibles : { $known }
cli-already-assigned = { $id } : l’action { $item } est déjà confiée à { $person } ; rien d’enregistré
cli-already-unassigned = { $id } : l’action { $item } n’est déjà confiée à personne ; rien d’enregistré
cli-unknown-phase = { $id } n’a pas de phase « { $phase } » ; utilisez next, back ou l’une de : { $known }
cli-already-in-phase = { $id } est déjà en { $name } ; rien d’enregistré
cli-items-open = { $id } : { $count ->
    [one] { $count } action de la phase en cours est encore ouverte ({ $items }) ; cochez-la, marquez-la sans objet, ou passez --force
   *[other] { $count } actions de la phase en cours sont encore ouvertes ({ $items }) ; cochez-les, marquez-les sans objet, ou passez --force
}
cli-unknown-role = rôle inconnu « { $found } » ; valeurs possibles : { $known }

## Identities and the roster (issue 17), command line
cli-the-name = le nom
cli-member-added = { $handle } fait partie de l’équipe
cli-member-replaced = { $handle } fait partie de l’équipe avec cette clé et ces rôles (l’ancienne clé ne signe plus aucun événement)
cli-member-revoked = { $handle } ne fait plus partie de l’équipe : sa clé ne signe plus aucun événement
cli-not-on-roster = { $id } n’a pas de membre « { $handle } » dans son équipe (voir `warroom identity list { $id }`)
cli-roster-empty = { $id } n’a pas encore d’équipe : `warroom identity add { $id }` vous y ajoute
cli-roster-exported = { $count ->
    [one] { $count } clé écrite
   *[other] { $count } clés écrites
} dans { $path } (pour vérifier une signature : `ssh-keygen -Y verify -f { $path } -n warroom -I IDENTIFIANT -s SIGNATURE`)
err-not-signed = votre signature n’a pu être faite, rien n’est écrit : { $why } (ou écrivez sans signature, exprès, avec --unsigned)
cli-signatures = signatures : { $count } signé{ $count ->
    [one] {""}
    [0] {""}
   *[other] s
}{ $count ->
    [0] {""}
   *[other] {" "}({ $by })
}{ $before ->
    [0] {""}
   *[other] , { $before } sans signature (avant la signature)
}
cli-before-signing = #{ $first }–#{ $last } : sans signature (avant la signature)
cli-unsigned-on-purpose = #{ $event } : sans signature, exprès (--unsigned)
cli-signature-missing = #{ $event } : PAS DE SIGNATURE, alors qu’il en faut une
cli-not-on-roster-key = #{ $event } : SIGNÉ PAR UNE CLÉ HORS DE L’ÉQUIPE ({ $fingerprint })
cli-author-mismatch = #{ $event } : SIGNÉ PAR { $signed_by }, mais un autre auteur est nommé
cli-bad-signature = #{ $event } : LA SIGNATURE NE TIENT PAS : { $why }
cli-extracted = { $body } et { $sig } écrits (signé par { $fingerprint }, auteur { $author }) ; pour vérifier : ssh-keygen -Y verify -f ALLOWED_SIGNERS -I { $author } -n warroom -s { $sig } < { $body }
cli-no-signature-to-extract = l’événement { $event } de { $id } n’a pas de signature à écrire
cli-bad-public-key = --key { $typed } : { $why }
cli-member-needs-handle-and-name = avec --key, dites à qui est la clé : --handle et --name
cli-no-identity-path = pas de dossier de configuration pour votre identité : indiquez le fichier à utiliser dans WARROOM_IDENTITY
cli-no-identity = vous n’avez pas encore d’identité ({ $path }) : lancez `warroom identity init --handle IDENTIFIANT --name "VOTRE NOM"`
cli-identity-exists = vous avez déjà une identité, { $handle }, dans { $path } ; --force la remplace (le fichier de clé est gardé)
cli-identity-saved = identité { $handle } enregistrée dans { $path } ; clé { $fingerprint }
cli-identity-shown = { $handle } ({ $name }), courriel { $email }, clé { $fingerprint } ({ $source ->
    [agent] détenue par ssh-agent
   *[file] fichier
} { $place })
cli-roster-line = { $handle } · { $name } · { $access ->
    [read] lecture seule
   *[write] écrit
} · rôles { $roles } · { $fingerprint }
cli-roster-line-revoked = { $line } · RÉVOQUÉ : { $reason }

cli-playbook-ok = ok : procédure { $id } ({ $counts })
cli-flag-already = { $id } porte déjà l’indicateur { $flag } depuis { $at } ; rien d’enregistré
cli-clock-started = { $clock } démarré, échéance { $deadline }
cli-unknown-clock = { $id } n’a pas de délai « { $clock } » ; ses délais sont : { $known }
cli-clock-not-applicable = { $clock } ne s’applique pas à { $id } (posez nis2-entity ou dora-entity avec `warroom flag` si c’est le cas)
cli-clock-already = { $id } : le délai { $clock } a déjà dépassé cet état ; rien d’enregistré (la référence d’un délai tenu : --ref R)
cli-cannot-write = impossible d’écrire { $path } : { $why }
cli-contact-saved = contact { $id } enregistré
cli-contact-verified = contact { $id } vérifié le { $on }
cli-verified-in-future = --on { $on } trouvé, un jour encore à venir : un contact se vérifie aujourd’hui ou un jour passé
cli-unknown-contact = aucun contact « { $who } » dans l’annuaire (voir `warroom contacts`)
cli-unknown-contact-close = aucun contact « { $who } » dans l’annuaire ; les plus proches : { $close }
cli-bad-sha256 = --sha256 « { $found } » n’est pas un SHA-256 (64 chiffres hexadécimaux)
cli-cannot-read = impossible de lire { $path } : { $why }
cli-unknown-evidence = { $id } n’a pas de preuve « { $item } » (voir `warroom evidence list { $id }`)
cli-evidence-changed = { $count ->
    [one] { $count } fichier de preuve ne correspond plus à son SHA-256 enregistré
   *[other] { $count } fichiers de preuve ne correspondent plus à leur SHA-256 enregistré
}
cli-unknown-event = { $id } n’a pas d’événement #{ $event } ; ses événements vont de #1 à #{ $count }
cli-not-a-journal = { $file }:1:1: pas un journal warroom (sa première ligne doit déclarer un incident) ; écrivez-en un avec `warroom export ID --format journal`
cli-imported = { $id } importé ({ $count ->
    [one] { $count } événement
   *[other] { $count } événements
}, chaîne vérifiée)
cli-already-imported = { $id } est déjà ici avec le même journal ; rien d’importé
cli-unknown-drill = exercice inconnu « { $found } » ; valeurs possibles : { $known }

# Tableaux du rapport : titres de colonnes et états.
report-col-retracted-by = Retiré par
report-col-reason = Raison
report-col-author = Auteur
report-col-event = Événement
report-col-step = Action
report-col-status = État
report-col-owner = Responsable
report-col-done-by = Faite par
report-col-done-at-utc = Faite à (UTC)
report-col-deadline = Délai
report-col-owed-to = Dû à
report-col-state = État
report-col-due-utc = Échéance (UTC)
report-col-outcome = Résultat
report-col-reference = Référence
report-col-contact = Contact
report-col-by = Par
report-col-note = Note
report-col-ref = Réf.
report-col-kind = Type
report-col-description = Description
report-col-location = Emplacement
report-col-custody = Détention
report-code-done = faite
report-code-open = ouverte
report-code-not-applicable = sans objet
report-code-not-started = non démarré
report-code-running = en cours
report-code-met = tenu
report-code-waived = écarté

# Origine d’une procédure.
playbook-shipped = livrée

# Erreurs de configuration et de procédure (après fichier:ligne:colonne).
err-model-no-phases = aucune phase dans le modèle de phases `{ $model }` ; il en faut au moins une
err-model-stage-twice = l’étape `{ $stage }` est dans plus d’une phase de `{ $model }` ; chaque étape doit être dans exactement une phase
err-model-stage-missing = aucune phase ne couvre { $missing } dans le modèle de phases `{ $model }` ; chaque étape ({ $all }) doit être dans exactement une phase
err-bad-id = identifiant `{ $id }` trouvé ; attendu : minuscules, chiffres et tirets, comme `contain-hosts`
err-id-twice = l’identifiant de { $what } `{ $id }` apparaît deux fois ; chaque identifiant doit être unique
what-model-phase = modèle de phases ou phase
what-playbook-item = procédure ou action
what-clock = délai
err-item-text = texte vide ou sur plusieurs lignes dans l’action `{ $item }` ; attendu : une ligne qui dit quoi faire
err-item-role = rôle `{ $role }` trouvé comme { $key } de l’action `{ $item }` ; attendu : l’un de { $roles } (ou ajoutez-le sous `roles:` dans la config)
err-item-clock = délai `{ $clock }` trouvé dans l’action `{ $item }` ; attendu : l’un de { $clocks }
err-unreadable = lecture impossible : { $error }
err-clock-met = `met:{ $other }` trouvé comme déclencheur de `{ $clock }` ; attendu : met: suivi d’un autre délai : { $clocks }
err-contact-source = pas de `source` pour `{ $contact }` ; attendu : d’où viennent ses coordonnées
err-contact-name = contact au nom vide ; attendu : qui appeler
err-contact-twice = l’identifiant de contact `{ $contact }` apparaît deux fois ; chaque contact doit être unique
err-contact-role = rôle `{ $role }` trouvé pour `{ $contact }` ; attendu : l’un des rôles de la config : { $roles }
err-drill-severity = gravité { $severity } trouvée ; attendu : un niveau de 0 à 5
err-drill-playbook = procédure `{ $playbook }` trouvée ; attendu : un identifiant de procédure connu
err-drill-injects = aucun inject, ou un inject vide ; attendu : des nouvelles minutées avec un texte
err-config-unreadable = lecture du fichier impossible : { $error }
err-phase-model = modèle de phases `{ $model }` trouvé ; attendu : l’un de { $models }
err-escalation-role = rôle `{ $role }` trouvé dans le plan d’escalade ; attendu : l’un de : { $roles }
err-escalation-severity = from_severity: { $severity } trouvé ; attendu : un niveau de gravité de 0 à 5
err-shared-group = shared_host.group : « { $group } » trouvé ; attendu : le nom d’un groupe Unix (lettres, chiffres, _ - et ., sans - au début)
err-shared-data-dir = shared_host.data_dir : « { $dir } » trouvé ; attendu : un chemin absolu (le même stockage pour chaque intervenant, d’où qu’il lance warroom)
err-response-minutes = response_minutes: 0 trouvé ; attendu : le délai de réponse contractuel en minutes (1 ou plus)
err-tier-severity = from_severity: { $found } trouvé ; attendu : une gravité de 0 à 5
err-tier-twice = from_severity: { $found } apparaît deux fois ; chaque palier de gravité doit être unique
err-coverage-always = coverage indique des jours, un fuseau, des jours fériés ou des fermetures, qui ne comptent qu’avec des heures ouvrées : renseignez hours, par exemple 08:00-18:00, ou retirez-les pour 24/7
err-coverage-time-zone = des heures ouvrées ont besoin de leur fuseau horaire : ajoutez time_zone, par exemple Europe/Paris
err-report-due-days = report_due_days: 0 trouvé ; attendu : le nombre de jours après la clôture pour remettre le rapport (1 ou plus)
err-sector-csirt = sector_csirt: { $id } trouvé ; attendu : l’identifiant d’un contact de l’annuaire (pour la santé : cert-sante)
err-out-of-scope-contact = `{ $id }` trouvé dans out_of_scope ; attendu : l’identifiant d’un contact de l’annuaire
err-role-id = l’identifiant de rôle `{ $role }` apparaît deux fois ; chaque rôle doit être unique

# Valeurs données en ligne de commande.
err-unknown-value = { $what } « { $found } » inconnu(e) ; valeurs possibles : { $valid }
err-bad-scope = `{ $found }` trouvé ; attendu : des domaines parmi { $areas } (séparés par des virgules)
err-bad-day = `{ $found }` trouvé ; attendu : un jour au format AAAA-MM-JJ
err-bad-verdict = `{ $found }` trouvé ; attendu : yes, no ou unknown
err-bad-incident-id = « { $found } » n’est pas un identifiant d’incident ; forme attendue : IR-2026-0007 (ou EX-… pour un exercice)
err-bad-instant = « { $found } » n’est pas un instant RFC 3339 comme 2026-11-28T09:12:00Z
err-bad-date = « { $found } » n’est pas une date comme 2026-12-31
what-severity = gravité
what-category = catégorie
what-tlp-label = marquage TLP
what-flag = indicateur
what-draft = brouillon
what-outcome = résultat
what-contact-kind = type de contact
what-evidence-kind = type de preuve
what-lesson-kind = type d’enseignement
what-language = langue

# Erreurs du stock.
cli-index-was-rebuilt = note : l’index a été reconstruit à partir des journaux le { $when } ; un journal restauré depuis une copie plus ancienne avant cette date ne peut pas être distingué de l’original
cli-first-unreadable = l’événement { $event } est le premier illisible
cli-first-altered = l’événement { $event } a été modifié : l’événement suivant cite une autre empreinte pour lui
cli-readable-from-start = événements 1 à { $last } lisibles et chaînés depuis le début
cli-readable-to-head = lu au-delà du dommage : événements { $from } à { $to } lisibles et chaînés jusqu’à la tête enregistrée par l’index
cli-all-readable-repair = tous les événements se lisent encore dans ses fichiers : `warroom repair` reconstruit sa base à partir d’eux
cli-nothing-past-it = rien au-delà n’a pu être relu jusqu’à la tête enregistrée par l’index
cli-kept-as-found = ses fichiers tels qu’ils étaient avant la découverte du dommage : { $path }
cli-reading-a-copy = la base ne peut pas être écrite ({ $why }) : lecture d’une copie privée
cli-index-rebuilt-now = l’index était endommagé : reconstruit à partir des journaux (l’ancien conservé sous { $kept })
cli-journal-rebuilt = { $id } : sa base a été reconstruite à partir de ses enregistrements{ $past ->
    [0] {""}
   *[other] , dont { $past } écrits après le dernier enregistrement de l’index
} (l’ancienne conservée sous { $kept })
cli-journal-unrepairable = { $id } : ne peut pas être reconstruit : { $why } ; lancez warroom verify { $id }
cli-journal-accepted = { $id } : son journal est accepté tel quel ; une note y consigne ce que l’index avait
journal-accepted-note = Journal accepté tel quel par warroom repair : l’index avait enregistré { $recorded } événements (dernière empreinte { $hash }) ; ce journal en contient { $kept }. Les événements après le { $kept } n’y sont pas.
cli-repaired = réparé : { $count } incidents dans la base
cli-repair-incomplete = { $count } journaux n’ont pas pu être réparés
cli-offer-repair = Reconstruire l’index à partir des journaux maintenant (warroom repair) ? [O/n]
answer-yes = o/oui/y/yes
damaged-incident = { $id } est endommagé ({ $why }) : warroom verify dit ce qui se lit encore, warroom repair ce qui se répare
status-read-only = lecture seule : { $why }
damaged = ENDOMMAGÉ
err-store-index-damaged = l’index de la base ({ $dir }) est endommagé ({ $cause }) ; les journaux contiennent tout : lancez `warroom repair` pour le reconstruire à partir d’eux
err-store-owned-by-dashboard = le tableau de bord qui détient la base (pid { $pid }) doit d’abord être fermé
err-store-disk-full = le disque de { $dir } est plein ({ $free } libres, une écriture demande environ { $needed }) : rien n’a été écrit ; libérez de la place et réessayez
err-store-no-space = le disque de { $dir } est plein ({ $cause }) : rien n’a été écrit ; libérez de la place et réessayez
err-store-locked = le répertoire de données { $dir } est utilisé par { $holder }
err-store-busy = le répertoire de données { $dir } est resté utilisé par { $holder } pendant { $secs } s ; réessayez, ou attendez plus longtemps avec --wait
err-store-owner-silent = le tableau de bord qui détient la base (pid { $pid }) n’a pas répondu en { $secs } s : il est peut-être suspendu (Ctrl-Z) ou bloqué sur son disque. Une écriture qu’il n’avait pas commencée ne sera pas faite plus tard
err-store-not-started = le tableau de bord qui détient la base (pid { $pid }) n’a pas pu commencer cette écriture en { $secs } s ; rien n’a été écrit, réessayez
err-store-owner-closed = le tableau de bord qui détient la base (pid { $pid }) s’est fermé pendant la commande ; relancez-la
err-store-owner-closed-writing = le tableau de bord qui détient la base (pid { $pid }) s’est fermé pendant cette écriture : elle a peut-être été enregistrée ; vérifiez avec warroom show avant de la relancer
err-store-outcome-unknown = le tableau de bord qui détient la base (pid { $pid }) a commencé cette écriture il y a { $secs } s sans la finir (son disque ?) : elle sera peut-être enregistrée ; vérifiez avec warroom show avant de la relancer
err-store-owner = le tableau de bord qui détient la base a répondu : { $message }
err-unsafe-dir-not-yours = { $path } : ce répertoire de données appartient à l’utilisateur { $owner }, pas à vous ({ $me }) ; utilisez le vôtre (--data-dir), ou faites lancer warroom par son propriétaire (sur un hôte de crise partagé, la configuration nomme le groupe : shared_host.group)
err-unsafe-dir-not-shared = { $path } : ce répertoire de données n’est pas partagé avec le seul groupe { $group }, comme le demande la configuration (mode { $mode }). En root : chgrp { $group } { $path } && chmod 2770 { $path }
err-unsafe-dir-open = { $path } : ce répertoire de données est ouvert aux autres utilisateurs (mode { $mode }) : ils peuvent lire ses incidents et ses contacts, et prendre son verrou. Rendez-le privé : chmod 700 { $path }
err-unsafe-dir-shared = { $path } : ce dossier est partagé par tous les utilisateurs (comme /tmp) : gardez les incidents dans un dossier à vous, par exemple --data-dir { $path }/warroom-$USER (créé privé)
err-unsafe-not-a-socket = { $path } : ce n’est pas une socket (aucun processus warroom ne l’a créée) ; supprimez-la
err-unsafe-socket-not-yours = { $path } : cette socket appartient à l’utilisateur { $owner }, pas à vous ({ $me }) ; rien ne lui a été envoyé. Supprimez-la, et gardez le répertoire de données privé (chmod 700)
err-unsafe-socket-open = { $path } : cette socket est ouverte aux autres utilisateurs (mode { $mode }) ; rien ne lui a été envoyé. Fermez le tableau de bord qui la sert et relancez-le
err-unsafe-socket-not-shared = { $path } : cette socket n’est pas partagée avec le seul groupe { $group } (mode { $mode }) ; rien ne lui a été envoyé. Fermez le tableau de bord qui la sert et relancez-le
err-unsafe-peer-not-in-group = { $path } : le processus à l’autre bout de cette socket (pid { $pid }) tourne sous l’utilisateur { $uid }, qui n’est pas dans le groupe { $group } ; rien n’a été échangé
err-unsafe-peer = { $path } : le processus qui répond sur cette socket (pid { $pid }) tourne sous l’utilisateur { $uid }, pas sous vous ({ $me }) ; rien ne lui a été envoyé
err-store-read-only = la base de { $dir } est ouverte en lecture seule ({ $why }) ; rien ne peut y être écrit
store-holder = le pid { $pid } ({ $command })
store-holder-unknown = un autre processus warroom
cli-waiting = attente de { $dir }, utilisé par { $holder } ({ $secs } s)…
cli-bad-wait = --wait « { $found } » n’est pas un nombre de secondes de 0 à 3600
status-owner-silent = le tableau de bord qui détient la base (pid { $pid }) ne répond plus : suspendu ?
writer-stuck = le disque n’a pas terminé les dernières écritures en { $secs } s : les changements encore « en cours » n’ont peut-être PAS été enregistrés (voir warroom.log)
evidence-not-a-file = { $kind ->
    [directory] un répertoire
    [fifo] un tube nommé (FIFO)
    [device] un périphérique
    [socket] une socket
   *[other] pas un fichier ordinaire
} : seul un fichier ordinaire peut être haché comme preuve ; copiez-le d’abord dans un fichier
err-store-unknown = pas d’incident { $id } dans ce stock
err-store-exists = l’incident { $id } existe déjà
err-store-corrupt = l’incident { $id } est endommagé : { $detail }
err-store-import-conflict = l’incident { $id } existe déjà ici avec un autre journal ; rien n’a été importé
err-store-schema = le stock de { $dir } a la version de schéma { $found }, plus récente que ce que ce warroom comprend ({ $supported }) ; utilisez un warroom plus récent

# Ponctuation : espace insécable avant les deux-points.
colon = {"\u00A0"}:
day-letter = j
err-clock-too-long = `{ $key }: { $span }` trouvé pour le délai `{ $clock }` ; attendu : dix ans au plus (3653d ou 120 months)

# Syntaxe YAML, dite dans les termes de l’utilisateur.
err-yaml-unclosed-quote = du texte suit une valeur entre guillemets là où une nouvelle clé était attendue ; manque-t-il un guillemet fermant ligne { $line } ?
err-yaml-indent = clé plus indentée que les clés au-dessus (le bloc commence en { $line }:{ $column }) ; toutes les clés d’un bloc doivent être dans la même colonne
err-yaml-tab = tabulation trouvée ; attendu : des espaces (YAML n’accepte pas de tabulations pour l’indentation)
err-yaml-eof-in-quote = fin du fichier dans la valeur entre guillemets qui commence ici ; attendu : son guillemet fermant
yaml-type-whole-number = un nombre entier
yaml-type-mapping = un bloc clé: valeur
yaml-type-list = une liste
err-yaml-aliases = des alias (*nom) répètent plus de cent mille valeurs et caractères une fois développés ; attendu : chaque valeur écrite là où elle sert (une config warroom n’a besoin ni d’ancres ni d’alias)
err-yaml-depth = valeur imbriquée sur plus de { $limit } niveaux ; attendu : un fichier moins profond (une config warroom n’a pas besoin d’imbrication profonde)
err-role-id-empty = identifiant de rôle vide ; attendu : un identifiant court comme `it-lead`

# Modifications, clôture et réouverture.
event-amended-because = { $change } — { $reason }
event-nis2 = NIS2 s’applique : { $applies }
event-dora = DORA s’applique : { $applies }
event-corrected-time = Correction du #{ $event } : survenu le { $at } — { $text }
event-left-running = délais laissés en cours : { $clocks }
event-reopened = Rouvert : { $reason }
event-member-added = Dans l’équipe : { $handle } ({ $name }), { $access ->
    [read] lecture seule
   *[write] peut écrire
}, rôles { $roles }, clé { $key }
event-member-revoked = Retiré de l’équipe : { $handle } : { $reason }
yes = oui
no = non
resolution-resolved = résolu
resolution-false-positive = faux positif
resolution-duplicate = doublon de { $of }
resolution-transferred = transmis à { $to }
cli-cannot-redate-declaration = l’événement 1 est la déclaration : son heure est celle de la déclaration ; pour dire quand l’incident a été détecté, utilisez `warroom set ID detected-at QUAND`
cli-bad-event = « { $found } » n’est pas un numéro d’événement (comme `warroom show` les liste : 26 ou #26)

what-field = champ
cli-bad-value = { $field } ne peut valoir « { $found } » ; valeurs possibles : { $valid }
cli-bad-resolution = issue inconnue « { $found } » ; valeurs possibles : resolved, false-positive, duplicate:ID-INCIDENT, transferred:QUI
refused-unchanged = { $id } : c’est déjà le cas ({ $value }) ; rien n’est enregistré
refused-already-closed = { $id } est déjà clos ; rien n’est enregistré (pour le reprendre : warroom reopen { $id } --reason R)
refused-not-closed = { $id } n’est pas clos ; rien n’est enregistré
refused-clocks-running = des délais de { $id } courent encore : { $clocks }. Marquez chacun tenu (warroom clock { $id } DÉLAI met --ref R) ou levé (warroom clock { $id } DÉLAI waive --reason R), ou clôturez avec --leave-open pour les laisser courir sciemment ; rien n’est enregistré
refused-duplicate-of-itself = { $id } ne peut être un doublon de lui-même ; nommez l’incident qu’il reproduit
refused-retainer-not-alerted = { $id } : le prestataire n’a jamais été alerté, il n’y a pas de travail de sa part à évaluer
refused-missing-detail = dites à qui il a été transmis : transferred:QUI

closed = clos
closed-line = Clos ({ $resolution }) le { $at }, après { $lasted }
closed-after = Clos après { $lasted } : { $resolution }

report-milestones = Jalons
report-resolution = Issue
report-closing-summary = Comment cela a fini
report-duration = Durée
milestone-detected = Détection
milestone-declared = Déclaration
milestone-retainer = Prestataire engagé
milestone-contained = Confinement
milestone-closed = Clôture
report-col-milestone = Jalon
report-col-after = Après
milestone-not-reached = —
report-running-for = En cours depuis

flash-nothing-changed = Rien n’a changé ; rien n’est enregistré.
form-duplicate-of = Tapez l’identifiant de l’incident dont celui-ci est un doublon (IR-2026-0003), puis quelques mots.
confirm-close-leaving = Des délais courent encore : { $clocks }. Clore quand même en les laissant courir ? (Pour les régler d’abord : n, puis m ou w dans le panneau Délais.)
pane-close = Clore l’incident
pane-reopen = Rouvrir l’incident : pourquoi ?
pane-edit-incident = Modifier l’incident
close-form-hint = Tab : issue · doublon : son id · transmis : à qui · Entrée
edit-incident-hint = Tab/↑↓ champ · ←→ choix · none efface · Entrée enregistre
pane-review-retainer = Comment le prestataire s’en est-il tiré sur cet incident ?
review-retainer-hint = Tab/↑↓ champ · ←→ oui, non, inconnu · Entrée enregistre · Échap : plus tard
label-note = Note
form-scope-hint = network, cloud, endpoints, ot, personal-data · vide : inconnu · Entrée
form-bad-scope = « { $typed } » n’est pas un périmètre : network, cloud, endpoints, ot, personal-data (séparés par des virgules)
label-resolution = Issue
label-reason = Pourquoi
field-title = Titre
field-severity = Gravité
field-category = Catégorie
field-tlp = TLP
field-commander = Pilote
field-scope = Périmètre
field-summary = Résumé
field-detected-at = Détecté le
field-nis2 = NIS2 s’applique
field-dora = DORA s’applique
ending-resolved = résolu
ending-false-positive = faux positif
ending-duplicate = doublon de…
ending-transferred = transmis à…
cli-clock-met-by-step = { $clock } tenu (réf. { $reference })
cli-clocks-left = délais liés à cette étape laissés tels quels : { $clocks } (warroom clock ID DÉLAI start|met|waive)
cli-reference-added = référence de { $clock } enregistrée ; il reste tenu à l’heure où il l’a été
clocks-more-running = +{ $n } en cours ↓
confirm-flag-uncovered = « { $flag } » ne démarre encore aucun délai : cet incident n’est pas marqué comme concerné (nis2_entity / dora_entity dans la configuration, ou par incident avec e). y ou Entrée note « { $flag } » et { $covered } ; démarre alors : { $due }.
covered-reason = marqué concerné en notant « { $flag } »
carried-mark = ↩ reportée
confirm-carried = Liées à un délai ou obligatoires, celles-ci restent dans la liste : { $items }.
draft-step-done = { $at }, { $by } : fait — { $step }
draft-still-to-complete = Reste à compléter avant l’envoi :
draft-detected-how = quand il a été détecté (warroom set { $id } detected-at QUAND, ou e au tableau de bord)
cli-flag-uncovered = { $flag } ne démarre aucun délai : { $id } n’est pas marqué comme concerné par { $field } ({ $field }_entity vaut false dans la configuration). S’il l’est : warroom set { $id } { $field } yes

# Why a file could not be used, and what the system said, in words.
err-file-write = impossible d’écrire { $path } : { $why }
io-not-found = fichier ou dossier introuvable
io-permission-denied = permission refusée
io-storage-full = le disque est plein
io-read-only = le système de fichiers est en lecture seule
io-already-exists = il existe déjà
io-is-a-directory = c’est un dossier
io-not-a-directory = une partie du chemin n’est pas un dossier
err-journal-empty = le journal est vide
err-journal-not-declared-first = l’événement { $event } devrait déclarer l’incident mais enregistre autre chose
err-journal-declared-twice = l’événement { $event } déclare l’incident une seconde fois
err-no-incident = aucun incident à afficher

# Erreurs de la base en types (issue 15) : l’étape d’une opération sur un fichier ou une
# socket qui a échoué ({ $cause } est ce qu’a dit le système), et ce qui ne va pas dans
# un journal, un lot ou l’index.
err-io-sync = impossible de synchroniser { $path } : { $cause }
err-io-open-lock-file = impossible d’ouvrir le fichier de verrou { $path } : { $cause }
err-io-lock = impossible de verrouiller { $path } : { $cause }
err-io-create-data-dir = impossible de créer le répertoire de données { $path } : { $cause }
err-io-read = impossible de lire { $path } : { $cause }
err-io-remove = impossible de supprimer { $path } : { $cause }
err-io-move-aside = impossible de mettre de côté { $path } : { $cause }
err-io-no-store = aucune base dans { $path } : { $cause }
err-io-make-private-copy = impossible de faire une copie privée pour lire { $path } : { $cause }
err-io-copy = impossible de copier { $path } : { $cause }
err-io-wait-for-write = une écriture dure depuis trop longtemps dans { $path } : { $cause }
err-io-connect = impossible de se connecter à { $path } : { $cause }
err-io-identify-peer = impossible de savoir quel processus répond sur { $path } : { $cause }
err-io-use-connection = impossible d’utiliser { $path } : { $cause }
io-timed-out = délai dépassé
err-technical-detail = { $sentence } (détail technique, en anglais : { $cause })
err-store-rejected = incident { $id } : { $problem }
err-store-directory = l’annuaire des contacts : { $problem }
err-store-engine = erreur du moteur de stockage dans { $dir } : { $cause }
err-store-engine-failed = erreur du moteur de stockage dans { $dir }
err-store-unreopenable = erreur du moteur de stockage dans { $dir } : une écriture dans cette base a échoué et sled ne peut plus l’ouvrir dans ce processus : relancez warroom (rien de ce qui a été enregistré n’est perdu)
problem-nothing-to-append = rien à ajouter
problem-not-on-roster = { $login } (uid { $uid }) ne fait pas partie de l’équipe de cet incident, donc rien n’est écrit ; un membre vous ajoute avec `warroom identity add ID --handle IDENTIFIANT --name NOM --key VOTRE_CLE_PUBLIQUE --unix-user { $login }`
problem-read-only-member = { $handle } peut suivre cet incident mais pas y écrire (lecture seule dans son équipe)
problem-signed-as-another = l’écriture est signée d’une clé que l’équipe ne donne pas à { $login }, l’utilisateur Unix qui l’envoie ; rien n’est écrit : signez avec votre propre clé
problem-unsigned-unsaid = les écritures de cet incident sont signées et celle-ci ne l’est pas ; rien n’est écrit : créez votre identité (`warroom identity init`) et faites-vous ajouter par un membre, ou écrivez avec --unsigned
problem-shared-login-unsigned = plusieurs membres de cet incident se connectent comme { $login }, donc une écriture non signée ne peut pas dire de qui elle est ; rien n’est écrit : écrivez-la signée (sans --unsigned)
problem-taken-meanwhile = un identifiant qu’elle nomme a été pris entre-temps par une autre écriture, et une écriture signée ne peut être renumérotée ; rien n’est écrit : relancez-la
problem-declaration-names-another-id = la déclaration porte un autre identifiant
problem-declared-only-once = un journal ne peut être déclaré qu’une fois
problem-no-declaration = aucune déclaration
problem-not-a-contact-change = seules les modifications de contacts vont dans l’annuaire
problem-not-started-by-declaration = le journal ne commence pas par sa déclaration
problem-first-not-declaration = son premier événement n’est pas une déclaration
problem-unparsable = l’événement { $event } est illisible
problem-chain-broken = la chaîne de hachage est rompue à l’événement { $event }
problem-control-character = événement n° { $event } : { $part } `{ $text }` contient un caractère de contrôle
problem-bad-sha256 = événement n° { $event } : la preuve { $reference } a pour sha256 `{ $hash }`, alors qu’il faut 64 chiffres hexadécimaux en minuscules
problem-journal-short = son journal contient { $holds } événements mais l’index en avait enregistré { $recorded } (dernier hachage { $hash }…) : les événements { $first } à { $recorded } manquent. Une copie du journal plus ancienne que l’index a été restaurée, ou le journal a été endommagé ; rien n’a été écrit (lancez warroom verify)
problem-journal-replaced = son journal ne contient pas l’événement que l’index avait enregistré comme n° { $recorded } (hachage { $hash }…) : le journal a été remplacé ou modifié ; rien n’a été écrit (lancez warroom verify)
problem-journal-swapped = le journal de { $path } est celui de l’incident { $declared }, pas de { $expected } : des dossiers de journaux ont été échangés ou copiés à la main ; rien n’a été écrit
problem-database-damaged = sa base { $path } ne s’ouvre pas : données endommagées (lancez warroom verify)
problem-journal-missing = son journal { $path } est introuvable
problem-entry-unparsable = une entrée est illisible
problem-entry-unwritable = une entrée ne peut pas être écrite
problem-index-reports-damage = sa base signale des données endommagées
part-author = l’auteur
part-phase-id = l’identifiant de phase
part-item-id = l’identifiant d’action
part-clock-id = l’identifiant de délai
part-contact-id = l’identifiant de contact
part-evidence-reference = la référence de preuve
part-scenario-id = l’identifiant de scénario
part-inject-author = l’auteur de l’inject

# Observables (indicators) in the journal; values come defanged.
event-observable = Observable ({ $kind }) : { $value }
event-observable-ioc = Indicateur de compromission ({ $kind }) : { $value }
event-observable-edited = Observable { $id } : { $field } passé à { $value }
what-observable-kind = type d’observable
part-observable-value = la valeur de l’observable
part-observable-id = l’identifiant d’observable

# Observables: refused values, the register on the command line.
bad-observable = « { $found } » n’est pas un { $kind } valide : { $why }
bad-observable-empty = la valeur est vide
bad-observable-control = la valeur contient un caractère de contrôle
bad-observable-address = une adresse IPv4 ou IPv6 était attendue
bad-observable-network = un réseau comme 10.0.0.0/8 (adresse/préfixe) était attendu
bad-observable-prefix = le préfixe est plus long que l’adresse
bad-observable-domain = un nom de domaine comme example.com était attendu
bad-observable-url = une URL avec un schéma et un hôte, comme https://example.com/x, était attendue
bad-observable-email = une adresse e-mail comme quelquun@example.com était attendue
bad-observable-hash = une empreinte de { $digits } chiffres hexadécimaux était attendue
bad-observable-file-name = un nom de fichier ne contient pas de séparateur de dossier (utilisez file-path)
bad-observable-file-path = un chemin de fichier contient un séparateur de dossier (utilisez file-name)
bad-observable-registry-key = une clé de registre commence par une ruche, comme HKLM\ ou HKEY_CURRENT_USER\
bad-observable-cve = un identifiant CVE comme CVE-2024-3400 était attendu
bad-observable-technique = un identifiant de technique ATT&CK comme T1486 ou T1059.001 était attendu
cli-unknown-observable = { $id } n’a pas d’observable « { $observable } » (voir `warroom ioc list { $id }`)
cli-bad-yes-no = { $field } vaut oui ou non, pas « { $value } »
cli-bad-observable-field = un observable n’a pas de champ « { $field } » ; champs : ioc, sighted, tlp, source, note
cli-observable-added = observable { $entry }
cli-observable-merged = déjà connu : fusionné dans { $entry }
answers-yes = oui/o
answers-no = non
observable-ioc = IOC
observable-context = contexte
observable-sighted = vu chez nous

# Observables in the dashboard.
action-add-observables = Ajouter les observables cités
observables-tab = Observables
observables-none = Aucun observable pour l’instant. + en ajoute un (une adresse, un domaine, une empreinte…) ; o sur un événement du journal ajoute ceux qu’il cite.
pane-observable = Ajouter un observable
observable-form-hint = Tab : type   Entrée : ajouter   les valeurs désamorcées (hxxp, [.]) sont acceptées
observable-kind-auto = deviné d’après la valeur
flash-no-observables = L’événement #{ $event } ne cite aucun observable qui ne soit déjà au registre
confirm-add-observables = Ajouter aux observables, liés à l’événement #{ $event } : { $values } ?
observable-kind-unknown = impossible de dire ce qu’est « { $value } » : Tab pour choisir son type

# La vue d’investigation (I) : observables, actifs, chronologie de l’attaque.
mode-investigation = Investigation (observables, actifs, chronologie de l’attaque)
action-open-investigation = Investigation : IOC, actifs, attaque
action-toggle-ioc = IOC ou non
action-toggle-sighted = Vu chez nous ou non
action-cycle-tlp = TLP suivant (puis celui de l’incident)
investigation-view-title = Investigation · Tab : onglet suivant · / recherche · + ajouter · ? touches · Échap fermer
observables-keys = i IOC · s vu · l TLP · n note · m importer · X exporter
search-nothing = Rien ne correspond.
pane-observable-note = Note sur { $observable }
observable-detail = vu { $first } → { $last } · signalé par { $by }{ $reports ->
    [1] {""}
   *[other] , { $reports } signalements fusionnés
}
observable-links = source : { $source } · lié à : { $links }
# Affected assets: the journal, the names of kinds and states.
event-asset-added = Actif touché ({ $kind }) : { $name }, { $state }
event-asset-state = Actif { $asset } : { $state }
event-asset-edited = Actif { $asset } : { $field } passé à { $value }
what-asset-kind = type d’actif
what-asset-state = état d’actif
part-asset-name = le nom de l’actif
part-asset-owner = le propriétaire de l’actif
part-asset-id = l’identifiant d’actif
asset-kind-host = machine
asset-kind-account = compte
asset-kind-service = service
asset-kind-site = site
asset-kind-data-store = stockage de données
asset-state-suspected = suspecté
asset-state-compromised = compromis
asset-state-contained = confiné
asset-state-cleaned = nettoyé
asset-state-restored = restauré

# Affected assets: the command line, the incident pane and `warroom show`.
cli-asset-added = actif { $entry }
cli-asset-merged = déjà connu : fusionné dans { $entry }
cli-the-asset-name = le nom de l’actif
cli-asset-already = { $id } { $asset } est déjà { $state } ; rien d’enregistré
cli-asset-unchanged = { $id } { $asset } : { $field } a déjà cette valeur ; rien d’enregistré
cli-asset-owner = propriétaire : { $owner }
cli-unknown-asset = { $id } n’a pas d’actif « { $asset } » (voir `warroom asset list { $id }`)
cli-bad-asset-field = un actif n’a pas de champ « { $field } » ; champs : owner, name, note, kind
cli-asset-name-taken = { $other } porte déjà ce nom : { $kind } « { $name } » ; rien d’enregistré
label-assets = Actifs
scope-implied = (les actifs impliquent{"\u00A0"}: { $areas })

# Affected assets and observables in the post-incident report.
report-assets = Actifs touchés
report-observables = Observables
report-col-name = Nom
report-col-last-change-utc = Dernier changement (UTC)
report-col-value = Valeur
report-col-flags = Nature
report-col-tlp = TLP
report-col-source = Source
# Attack timeline: what the attacker did, and dwell time.
event-attack-step = Étape de l’attaque { $id }, { $at } : { $description }
event-attack-step-technique = Étape de l’attaque { $id }, { $at } ({ $attack }) : { $description }
event-attack-step-edited = Étape de l’attaque { $id } : { $field } passé à { $value }
part-attack-step-id = l’identifiant d’étape de l’attaque
part-attack-step-link = une tactique, technique, un observable ou un actif d’une étape de l’attaque
part-member-handle = l’identifiant, les rôles ou le compte d’un membre de l’équipe
part-member-key = la clé publique d’un membre de l’équipe
bad-attack-tactic = « { $found } » n’est pas une tactique ATT&CK Enterprise ; donnez son identifiant ou son nom court : { $valid }
bad-attack-technique = « { $found } » n’est pas un identifiant de technique ATT&CK comme T1486 ou T1059.001
bad-attack-pair = { $technique } n’est pas une technique de la tactique { $tactic } ; ses tactiques : { $belongs }
cli-unknown-attack-step = { $id } n’a pas d’étape de l’attaque « { $step } » (voir `warroom timeline list { $id }`)
cli-bad-attack-step-field = une étape de l’attaque n’a pas de champ « { $field } » ; champs : when, description, tactic, technique, observables, assets, source
cli-the-description = la description
cli-attack-step-added = étape de l’attaque { $step }
cli-no-attack-steps = Aucune étape de l’attaque enregistrée : `warroom timeline add { $id } QUAND DESCRIPTION`.
dwell-first-activity = Première activité de l’attaquant
dwell-detected = Détection
dwell-detected-declared = { $at } (déclaration ; heure de détection non enregistrée)
dwell-contained = Confinement
dwell-not-yet = pas encore
dwell-unknown = aucune étape de l’attaque enregistrée
dwell-dwell = Temps de présence (de la première activité à la détection)
dwell-to-containment = De la détection au confinement
dwell-exposure = Temps dont l’attaquant a disposé (de la première activité au confinement)
report-attack-timeline = Ce que l’attaquant a fait
report-dwell = Temps de présence de l’attaquant
report-col-tactic = Tactique
report-col-technique = Technique
report-col-links = Liens
# Brouillons DORA (notification initiale, rapports intermédiaire et final sur un
# incident majeur lié aux TIC), le LEI de la configuration, et les IOC d’une notification.
err-lei-form = lei: "{ $lei }" trouvé ; attendu : un identifiant d’entité juridique (LEI, ISO 17442) de 20 lettres majuscules et chiffres, tel que 5493001KJTIIGC8Y1R12
err-lei-check = lei: "{ $lei }" trouvé, dont la clé de contrôle est fausse (ISO 17442, modulo 97) : recopiez-le depuis le registre de la GLEIF
draft-title-dora-initial = Notification initiale d’un incident majeur lié aux TIC (DORA art. 19(4)(a)) - BROUILLON
draft-title-dora-intermediate = Rapport intermédiaire sur un incident majeur lié aux TIC (DORA art. 19(4)(b)) - BROUILLON
draft-title-dora-final = Rapport final sur un incident majeur lié aux TIC (DORA art. 19(4)(c)) - BROUILLON
draft-dora-submission = Type de soumission
draft-dora-submission-initial = notification initiale
draft-dora-submission-intermediate = rapport intermédiaire
draft-dora-submission-final = rapport final
draft-dora-lei = Code LEI
draft-dora-lei-missing = le LEI de l’entité (clé lei de la configuration)
draft-dora-entity-type = Type d’entité financière
draft-dora-entity-type-what = type d’entité financière (DORA art. 2(1))
draft-dora-classified = Classé comme majeur
draft-dora-classified-how = quand il a été classé comme majeur (warroom flag { $id } major --at QUAND, ou M au tableau de bord)
draft-dora-scope = Périmètre
draft-dora-criteria = Critères de classification remplis (règlement délégué (UE) 2024/1772, articles 1er à 8), chiffrés ou estimés
draft-dora-criterion-clients = Clients, contreparties financières et transactions concernés
draft-dora-criterion-data = Pertes de données
draft-dora-criterion-reputation = Incidence sur la réputation
draft-dora-criterion-duration = Durée et indisponibilité du service
draft-dora-criterion-geography = Étendue géographique
draft-dora-criterion-economic = Incidence économique
draft-dora-criterion-critical = Services critiques touchés
draft-dora-data-personal = des données personnelles sont dans le périmètre : préciser si certaines ont été perdues, altérées ou rendues indisponibles
draft-dora-duration-so-far = depuis le { $from }, { $span } à ce jour ; indisponibilité du service à compléter
draft-dora-duration-ended = du { $from } au { $to }, { $span } ; indisponibilité du service à compléter
draft-dora-member-states = États membres touchés
draft-dora-discovery = Comment l’incident a été découvert
draft-dora-origin = Origine de l’incident, si elle est connue (interne, prestataire tiers de services TIC, autre)
draft-dora-bcp = Le plan de continuité des activités a-t-il été activé ?
draft-dora-reclassified = Reclassification de l’incident de majeur à non majeur, le cas échéant
draft-dora-other = Toute autre information pertinente
draft-dora-authority-ref = Code de référence de l’incident attribué par l’autorité compétente
draft-dora-authority-ref-value = { $reference } (noté à l’envoi de la notification initiale, le { $at })
draft-dora-occurred = Date et heure de survenance de l’incident
draft-dora-contained = Date et heure du confinement de l’incident
draft-dora-recovered = Date et heure du rétablissement des activités habituelles (ou date prévue)
draft-dora-phases = Phases de la réponse, avec le début de chacune
draft-dora-type = Type d’incident (cybersécurité, défaillance de processus, défaillance de système, événement externe, lié aux paiements, autre)
draft-dora-category-recorded = catégorie enregistrée : { $category }
draft-dora-threats = Menaces et techniques employées par l’acteur de la menace
draft-dora-functions = Domaines fonctionnels et processus opérationnels touchés
draft-dora-infrastructure = Composants d’infrastructure touchés qui soutiennent les processus opérationnels
draft-dora-scope-recorded = périmètre enregistré : { $scope }
draft-dora-clients = Incidence sur les intérêts financiers des clients
draft-dora-other-authorities = Notification à d’autres autorités
draft-dora-sent = { $clock } ({ $authority }) : transmis le { $at }
draft-dora-sent-ref = { $clock } ({ $authority }) : transmis le { $at }, référence { $reference }
draft-dora-iocs = Indicateurs de compromission, le cas échéant
draft-dora-root-cause = Causes originelles
draft-dora-root-cause-addressed = Date et heure auxquelles la cause originelle a été traitée
draft-dora-resolved = Date et heure de résolution de l’incident
draft-dora-resolution = Comment l’incident a été résolu
draft-dora-costs = Coûts et pertes directs et indirects, avec la devise
draft-dora-lessons = Enseignements tirés
draft-dora-prevention = Mesures pour éviter que l’incident ne se reproduise
draft-iocs-withheld = { $count ->
    [one] 1 indicateur écarté : marqué TLP:RED ou TLP:AMBER+STRICT, il ne peut pas être transmis à une autorité
   *[other] { $count } indicateurs écartés : marqués TLP:RED ou TLP:AMBER+STRICT, ils ne peuvent pas être transmis à une autorité
}
# Formats d’échange : MISP, STIX, Timesketch, CSV (warroom ioc export|import, export --format).
cli-left-out-observables = { $count ->
    [one] { $count } observable laissé de côté ({ $tlp })
   *[other] { $count } observables laissés de côté ({ $tlp })
}
cli-left-out-events = { $count ->
    [one] { $count } événement du journal laissé de côté ({ $tlp })
   *[other] { $count } événements du journal laissés de côté ({ $tlp })
}
cli-left-out-title = titre et résumé de l’incident laissés de côté ({ $tlp }) : l’export le nomme par son identifiant
cli-saved-events = { $id } enregistré, événements { $first } à { $last }
cli-observables-imported = { $added ->
    [one] { $added } observable ajouté
   *[other] { $added } observables ajoutés
}, { $merged } fusionnés dans ceux du registre, { $skipped ->
    [one] { $skipped } entrée ignorée (aucun type d’observable ne lui correspond)
   *[other] { $skipped } entrées ignorées (aucun type d’observable ne leur correspond)
}
cli-max-tlp-not-here = --max-tlp s’applique aux formats misp, stix et timesketch, pas à { $format }
import-not-json = pas du JSON (ligne { $line }, colonne { $column })
import-not-an-export = ni un événement MISP (avec « Event ») ni un bundle STIX 2.1 (avec "type": "bundle")
import-missing = absent
import-expected-string = une chaîne de caractères était attendue
import-expected-array = un tableau était attendu
import-expected-object = un objet était attendu
import-expected-boolean = true ou false était attendu
stix-indicator = Indicateur de compromission ({ $kind }) de l’incident { $id }
# The investigation view's tabs of assets and of the attack timeline.
action-asset-forward = Actif : état suivant (contenu…)
action-asset-back = Actif : état précédent
assets-tab = Actifs
attack-tab = Chronologie de l’attaque
assets-none = Aucun actif touché pour l’instant. + en ajoute un (un poste, un compte, un service…).
attack-none = Aucune étape de l’attaque pour l’instant. + en ajoute une : @ quand, puis ce qu’a fait l’attaquant.
assets-keys = > < état · n note · t quand
attack-keys = + @QUAND ce qu’il a fait (T1566.001 fixe la technique)
pane-asset = Ajouter un actif touché
asset-form-hint = Tab : type   Entrée : ajouter   `nom | responsable`
pane-asset-note = Note sur { $asset }
pane-attack-step = Ce qu’a fait l’attaquant
pane-import-file = Importer des observables d’un fichier
import-file-hint = chemin d’un événement MISP ou d’un bundle STIX (JSON ; ~/ est votre dossier personnel) · entrée importer · échap annuler
attack-step-form-hint = `@2026-11-02 03:14 ce qu’il a fait` · les identifiants ATT&CK (T1566.001, TA0001), d’observables (O3) et d’actifs (A2) du texte sont enregistrés
attack-step-when-required = Dites quand l’attaquant l’a fait : commencez par @ et l’heure (@-3d, @2026-11-02 03:14), ou appuyez d’abord sur t.
asset-links = responsable : { $owner } · lié à : { $links }
attack-step-detail = noté par { $by } le { $at } · source : { $source } · lié à : { $links }

# Liens entre observables, actifs, étapes de l’attaque et preuves (issue 16)
cli-ambiguous-asset = { $id } a plusieurs actifs nommés « { $asset } » ({ $ids }){"\u00A0"}: désignez celui que vous voulez par son identifiant
# Le filtre du journal pour les observables, les actifs et l’attaque
journal-filter-investigation = investigation
# Formats d’échange, seconde partie : actifs touchés et chronologie de l’attaque dans les exports, dates vues à l’import.
cli-left-out-assets = { $count ->
    [one] { $count } actif touché laissé de côté ({ $tlp })
   *[other] { $count } actifs touchés laissés de côté ({ $tlp })
}
cli-left-out-attack-steps = { $count ->
    [one] { $count } étape de l’attaque laissée de côté ({ $tlp })
   *[other] { $count } étapes de l’attaque laissées de côté ({ $tlp })
}
import-not-a-date = « { $found } » n’est pas une date et heure (ISO 8601 comme 2026-11-28T13:05:00Z, ou des secondes depuis 1970)
import-date-out-of-range = { $found } est hors des dates qu’accepte warroom (de 1990 à 2100)
stix-attack-step = Activité de l’attaquant { $id } le { $at }
stix-attack-step-attack = Activité de l’attaquant { $id } le { $at } ({ $attack })

## Identities and signatures (issue 17)
sig-not-a-signature = ce n’est pas une signature SSH (-----BEGIN SSH SIGNATURE-----), ou elle est abîmée
sig-wrong-namespace = une signature SSH faite pour « { $found } », pas pour { $expected } : elle ne signe pas un événement warroom
sig-key-mismatch = signé par une autre clé ({ $signed_by }) que celle de l’auteur
sig-does-not-verify = la signature ne correspond pas : le texte signé ou la signature a été modifié
sig-bad-public-key = ce n’est pas une clé publique OpenSSH (comme ssh-ed25519 AAAA…)
sig-unsupported-algorithm = warroom ne signe ni ne vérifie avec des clés { $algorithm } : utilisez Ed25519 (ssh-keygen -t ed25519), ECDSA, ou RSA d’au moins 2048 bits
sig-bad-principal = « { $principal } » ne peut pas être un nom dans un fichier de signataires autorisés : il ne doit être ni vide ni commencer par #, ni contenir d’espaces, de guillemets, de barres obliques inverses ou * ? ! ,
sig-bad-signer-key = la clé de « { $principal } » : { $why }
key-missing = aucune clé privée à { $path }
key-unreadable = impossible de lire la clé privée { $path } : { $why }
key-not-private = { $path } n’est pas une clé privée OpenSSH (-----BEGIN OPENSSH PRIVATE KEY-----) ; une ancienne clé PEM se convertit avec ssh-keygen -p -f { $path }
key-public-not-private = { $path } est une clé publique ; donnez la clé privée à côté (le même nom sans .pub)
key-locked = { $path } est protégée par une phrase de passe, que warroom ne demande jamais : chargez-la dans ssh-agent avec ssh-add { $path }, puis utilisez-la depuis l’agent
key-unsupported = { $path } est une clé { $algorithm }, avec laquelle warroom ne signe pas : utilisez Ed25519 (ssh-keygen -t ed25519), ECDSA, ou RSA d’au moins 2048 bits
key-already-exists = { $path } existe déjà ; warroom n’écrit jamais par-dessus une clé
key-write-failed = impossible d’écrire la clé { $path } : { $why }
key-no-randomness = le système n’a pas fourni d’aléa pour fabriquer une clé
key-sign-failed = la clé n’a pas pu signer
agent-none = pas de ssh-agent : SSH_AUTH_SOCK n’est pas défini (lancez-en un avec eval "$(ssh-agent)", puis ssh-add votre clé)
agent-unreachable = impossible de joindre ssh-agent à { $socket } : { $why }
agent-timeout-connecting = ssh-agent ({ $socket }) n’a pas accepté la connexion en { $seconds } s
agent-timeout-listing = ssh-agent ({ $socket }) n’a pas donné la liste de ses clés en { $seconds } s
agent-timeout-signing = ssh-agent ({ $socket }) n’a pas signé en { $seconds } s ; il attend peut-être une confirmation que personne n’a donnée
agent-key-absent = ssh-agent ne détient aucune clé { $fingerprint } ; ssh-add -l liste celles qu’il détient, ssh-add FICHIER en ajoute une
agent-key-unsupported = la clé { $fingerprint } de l’agent est une clé { $algorithm }, avec laquelle warroom ne signe pas
agent-refused = ssh-agent a refusé de signer avec { $fingerprint } (une confirmation refusée, ou une clé qu’il ne peut plus utiliser)
agent-bad-answer = ssh-agent ({ $socket }) a répondu hors de son protocole
agent-bad-signature = la signature de ssh-agent avec { $fingerprint } ne se vérifie pas : { $why }
handle-empty = un identifiant ne peut pas être vide
handle-too-long = l’identifiant « { $handle } » a { $chars } caractères ; { $max } au plus
handle-bad-start = l’identifiant « { $handle } » doit commencer par une lettre minuscule
handle-bad-char = l’identifiant « { $handle } » contient « { $found } » : seulement des lettres minuscules de a à z, des chiffres, - _ et .
identity-bad-name = le nom ne peut pas être vide ni contenir de caractères de contrôle
identity-bad-email = « { $email } » n’est pas une adresse électronique
identity-fingerprint-mismatch = la clé de l’agent { $fingerprint } n’est pas la clé publique de l’identité ({ $public })
identity-empty-key-path = le chemin du fichier de clé est vide
identity-unreadable = impossible de lire le fichier d’identité { $path } : { $why }
identity-write-failed = impossible d’écrire le fichier d’identité { $path } : { $why }

## warroom ready : ce qui manque à la préparation
ready-poc = Aucun point de contact à appeler : celui nommé n’a ni téléphone ni courriel
ready-poc-fix = renseignez point_of_contact dans votre configuration : name, phones, email
ready-deputy = Pas de suppléant pour le point de contact
ready-deputy-fix = donnez à une deuxième personne roles: [point-of-contact] et un téléphone dans contacts
ready-retainer = { $key ->
    [hotline] Le prestataire n’a pas de numéro d’urgence
    [contract] Le contrat du prestataire n’a pas de numéro à citer
    [response] Le contrat du prestataire ne donne pas de délai de réponse par gravité
   *[other] Le contrat du prestataire n’indique pas de périmètre
}
ready-retainer-fix = renseignez retainer.{ $key } dans votre configuration, comme le dit le contrat (voir config.example.yaml)
ready-holidays = Les jours fériés de { $country } ne sont connus que jusqu’en { $year }
ready-holidays-fix = listez les suivants sous retainer.coverage.closed
ready-contact-old = { $name } : coordonnées vérifiées pour la dernière fois le { $on }, il y a plus d’un an
ready-contact-never = { $name } : coordonnées jamais vérifiées
ready-contact-fix = appelez ou écrivez pour les vérifier, puis : warroom contacts verify { $id }
ready-drill-old = Aucun exercice depuis 12 mois (le dernier a commencé le { $on })
ready-drill-never = Aucun exercice n’a jamais eu lieu
ready-drill-fix = lancez-en un : warroom drill (ou N puis un scénario depuis le tableau de bord)
ready-unstated = Votre configuration n’indique jamais { $key }
ready-unstated-fix = renseignez { $key } dans votre configuration (true ou false), pour que les bons délais s’appliquent
ready-sector-fix = renseignez sector dans votre configuration (health, energy, transport… ou other)
ready-sector-csirt = Votre secteur a un CSIRT ({ $csirt }) et aucun n’est choisi
ready-sector-csirt-fix = renseignez sector_csirt: { $csirt } dans votre configuration
ready-yes = Prêt : rien ne manque
ready-no = Pas prêt : { $count } { $count ->
    [one] point
   *[other] points
} à corriger
ready-fix-label = correctif :
ready-panel-title = Avant l’incident : { $count } à corriger (warroom ready)
ready-panel-more = … et { $count } de plus : warroom ready

## warroom plan : le plan de réponse sur une page
plan-title = Plan de réponse aux incidents — { $organisation }
plan-first-call = Premier appel
plan-point-of-contact = Point de contact
plan-deputy = Suppléant
plan-no-deputy = aucun : en nommer un
plan-first-steps-title = Les cinq premières choses à faire
plan-step-1 = Noter l’heure et ce que l’on voit : quelle machine, quel message ; photographier l’écran.
plan-step-2 = Isoler sans éteindre : débrancher le câble réseau ou couper le Wi-Fi. N’éteindre que si on ne peut pas déconnecter (la mémoire contient des preuves).
plan-step-3 = Appeler le point de contact, sinon son suppléant, par téléphone : pas par la messagerie ou le chat de l’entreprise, qui peuvent être surveillés.
plan-step-4 = Ne pas payer, ne pas répondre à l’attaquant, ne rien effacer : fichiers, journaux et messages sont des preuves.
plan-step-5 = Le point de contact déclare l’incident dans warroom et alerte le prestataire : son délai contractuel court dès l’alerte.
plan-ladder-title = Qui alerter, selon la gravité
plan-from-severity = Dès la gravité
plan-alert = Alerter
plan-if-personal-data = si des données personnelles sont en jeu
plan-nobody = personne de nommé
plan-retainer-title = Le CSIRT prestataire
plan-hotline = Urgence
plan-contract = Contrat
plan-response = Réponse
plan-hours = Heures
plan-scope = Périmètre
plan-evidence = Preuves
plan-not-stated = non indiqué
plan-outside-title = Numéros extérieurs
plan-sector-csirt = CSIRT sectoriel
plan-footer = Écrit par warroom à partir de la configuration de l’organisation. Vérifiez les numéros une fois par an : warroom ready.

## warroom drill report
drill-not-a-drill = { $id } n’est pas un exercice : lancez-en un avec warroom drill SCÉNARIO
drill-report-title = Exercice { $id } · { $scenario } · commencé le { $started }
drill-report-compared = Seconde colonne : l’exercice précédent, { $id }
drill-to-declare = pour le prendre en main (première entrée)
drill-to-alert-retainer = pour alerter le prestataire
drill-to-reach-commander = pour joindre le commandant
drill-notification-sent = pour envoyer : { $clock }
drill-never = jamais
drill-items-open = Actions restées ouvertes : { $open } sur { $items }
drill-faster = { $by } plus vite
drill-slower = { $by } plus lent
drill-same = pareil

## Le prestataire évalué
event-retainer-reviewed = Prestataire évalué : { $retainer } : { $verdicts }
event-retainer-reviewed-note = Prestataire évalué : { $retainer } : { $verdicts } ({ $note })
verdict-yes = oui
verdict-no = non
verdict-unknown = inconnu
review-sla-met = délai tenu
review-scope-sufficient = périmètre suffisant
review-evidence-access = accès aux preuves
review-report-received = rapport reçu
review-report-complete = rapport complet
review-none = Aucune évaluation du prestataire : warroom retainer record ID à la clôture d’un incident
review-responded-in = intervention commencée { $time } après l’alerte
review-totals-title = Sur { $count } { $count ->
    [one] incident évalué
   *[other] incidents évalués
} :
review-total = { $what } : { $yes } sur { $of }
