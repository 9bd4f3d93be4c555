import type { ReportCatalog } from './catalog';

const period = (value: string) => `${value.trim().replace(/\.+$/, '')}.`;

/** Le rapport en français : mêmes codes et mêmes valeurs que le catalogue anglais. */
export const FR: ReportCatalog = {
  messages: {
    INPUT_JSON_NOT_OBJECT: () => 'Le JSON fourni n’est pas un objet.',
    INPUT_JSON_TOO_DEEP: (p) => `Le JSON fourni est imbriqué sur plus de ${p('maxDepth')} niveaux, ce qu’aucun badge n’est.`,
    INPUT_JSON_UNPARSEABLE: () => 'Le texte fourni ressemble à du JSON mais n’a pas pu être lu.',
    INPUT_UNRECOGNISED: () => 'Ce qui a été fourni n’est ni une adresse web, ni le JSON d’un badge, ni un badge signé (JWS), ni une image de badge.',
    INPUT_IMAGE_UNRECOGNISED: () => 'Le fichier n’est ni une image PNG ni une image SVG.',
    IMAGE_UNREADABLE: (p) => `Impossible de chercher un badge dans cette image ${p('kind')} : ${p('reason')}`,
    IMAGE_NOT_BAKED: (p) => `Aucun badge n’est intégré à cette image ${p('kind')}. Demandez à l’émetteur le lien du badge ou son image avec le badge intégré.`,
    IMAGE_PAYLOAD_UNRECOGNISED: (p) => `Le badge intégré à cette image ${p('kind')} n’est ni une adresse web, ni le JSON d’un badge, ni un badge signé.`,
    JSON_NOT_VERIFIABLE: () =>
      'Ce JSON ne peut pas être vérifié : il n’a pas d’adresse hébergée (http/https) à laquelle le comparer. ' +
      'Fournissez plutôt l’adresse du badge, le badge signé (JWS) ou l’image du badge.',
    TOO_MANY_DOCUMENTS: (p) => `Arrêt avant de télécharger ${p('url')} : ce badge renvoie à trop de documents (limite ${p('limit')}).`,
    FETCH_FAILED: (p) => `Impossible de télécharger ${p('url')} : ${period(p('reason'))}${p.has('advice') ? ` ${p('advice')}` : ''}`,
    FETCH_HTTP_STATUS: (p) => `Impossible de télécharger ${p('url')} : le serveur a répondu HTTP ${p('status')}.`,
    DOCUMENT_NOT_JSON: (p) => `Le document à l’adresse ${p('url')} n’est pas du JSON valide.`,
    DOCUMENT_NOT_OBJECT: (p) => `Le document à l’adresse ${p('url')} n’est pas un objet JSON.`,
    DOCUMENT_TOO_DEEP: (p) => `Le document à l’adresse ${p('url')} est imbriqué sur plus de ${p('maxDepth')} niveaux, ce qu’aucun badge n’est ; il n’a pas été traité.`,
    DOCUMENT_TOO_LARGE: (p) => `Le document à l’adresse ${p('url')} contient plus de ${p('maxValues')} valeurs, bien plus qu’aucun badge ; il n’a pas été traité.`,
    DOCUMENT_LEGACY_UPGRADED: (p) => `Le document à l’adresse ${p('url')} suit Open Badges ${p('version')} ; il a été converti en 2.0 avant la vérification.`,
    DOCUMENT_UNKNOWN_CONTEXT: (p) =>
      `Le document à l’adresse ${p('url')} n’a pas pu être lu : il utilise le contexte JSON-LD ${p('context')}, qui n’est pas un contexte Open Badges connu de ce serveur (les contextes inconnus ne sont jamais téléchargés).`,
    DOCUMENT_NOT_JSONLD: (p) => `Le document à l’adresse ${p('url')} n’a pas pu être lu : ce n’est pas du JSON-LD valide (${p('reason')}).`,
    DOCUMENT_ID_DIFFERS: (p) => `Le document téléchargé depuis ${p('url')} indique que son adresse est ${p('declaredId')} ; c’est cette adresse qui a été utilisée.`,
    DOCUMENT_ID_DIFFERS_AGAIN: (p) => `Le document à l’adresse ${p('url')} déclare encore un autre identifiant (${p('declaredId')}) ; on ne peut pas s’y fier.`,
    EMBEDDED_WITHOUT_ID: (p) => `L’objet « ${p('property')} » intégré à ${p('parent')} n’a pas d’identifiant ; l’identifiant temporaire ${p('assignedId')} lui a été donné.`,
    LINK_NOT_URL: (p) => `Le lien « ${p('property')} » ${p('link')} n’est pas une adresse web ; il ne peut donc pas être consulté.`,
    REVOKED: (p) =>
      `Ce badge a été révoqué ${p.has('issuer') ? `par ${p('issuer')}` : 'par son émetteur'}${p.has('date') ? ` le ${p('date')}` : ''}` +
      `${p.has('reason') ? ` : ${period(p('reason'))}` : '. Aucune raison n’a été donnée.'} Il n’est plus valide ; son titulaire peut se renseigner auprès de l’émetteur.`,
    REVOKED_GONE: (p) => `${p('revocation')} (${p('url')} répond HTTP 410 Gone.)`,
    REVOKED_LISTED: (p) => `${p('revocation')} (Inscrit dans ${p('list')}.)`,
    REVOCATION_LIST_UNAVAILABLE: (p) => `La liste de révocation de l’émetteur, ${p('list')}, n’a pas pu être chargée : on ne sait donc pas si ce badge a été révoqué.`,
    JWS_UNUSABLE: (p) => `Le badge signé est inutilisable : ${period(p('reason'))}`,
    JWS_NOT_OBJECT: () => 'le contenu signé n’est pas un objet JSON',
    JWS_UNDECODABLE: (p) => `il n’a pas pu être décodé (${p('reason')})`,
    JWS_ALGORITHM_REFUSED: (p) => `Le badge est signé avec « ${p('alg')} », qui n’est pas accepté (seuls RS256 et ES256 le sont).`,
    SIGNATURE_ISSUER_UNAVAILABLE: () => 'La signature ne peut pas être vérifiée : l’émetteur du badge n’a pas pu être chargé.',
    SIGNATURE_KEY_NOT_LISTED: (p) => `Le badge a été signé avec la clé ${p('key')}, que son émetteur ne compte pas parmi ses clés publiées.`,
    SIGNATURE_KEY_NOT_OWNED: (p) => `La clé ${p('key')} n’indique pas qu’elle appartient à l’émetteur ${p('issuer')}.`,
    SIGNATURE_NO_KEYS: () => 'La signature ne peut pas être vérifiée : ni le badge ni son émetteur n’indiquent de clé publique.',
    SIGNATURE_INVALID: (p) => `La signature de ce badge n’est pas valide : il a été modifié ou n’a pas été signé par son émetteur (${p('reasons')}).`,
    IMAGE_NOT_DOWNLOADABLE: (p) => `L’image du badge ${p('url')} n’a pas pu être téléchargée${p.has('status') ? ` (HTTP ${p('status')})` : ''}.`,
    ENDORSEMENT_WITHDRAWN: (p) =>
      `La recommandation ${p('endorsement')} a été retirée par son auteur${p.has('reason') ? ` : ${period(p('reason'))}` : '.'} Elle ne cautionne plus ce badge.`,
    ENDORSEMENT_LINK_WITHDRAWN: (p) => `La recommandation ${p('endorsement')} a été retirée par son auteur ; elle ne cautionne donc plus ce badge.`,
    ENDORSEMENT_LINK_UNAVAILABLE: (p) => `La recommandation ${p('endorsement')} n’a pas pu être vérifiée ; elle ne compte donc pas : ${p('details')}`,
    ENDORSEMENT_CLAIMS_OTHER: (p) =>
      `La recommandation ${p('endorsement')} cautionne ${p('claim')}, et non ${p('target')} qui la mentionne ; elle ne compte donc pas pour ce badge.`,
    ENDORSEMENT_CLAIMS_NOTHING: (p) =>
      `La recommandation ${p('endorsement')} ne cautionne rien, et pas ${p('target')} qui la mentionne ; elle ne compte donc pas pour ce badge.`,
    ENDORSEMENT_ENDORSER_UNAVAILABLE: (p) => `L’auteur de ${p('endorsement')} n’a pas pu être identifié : son profil n’a pas pu être chargé.`,
    ENDORSEMENT_OUT_OF_SCOPE: (p) => `La recommandation ${p('endorsement')} n’est pas hébergée là où son auteur publie ses recommandations : ${p('details')}`,
    ENDORSEMENT_SIGNED_FORM_UNAVAILABLE: (p) =>
      withDetails(`La forme signée de la recommandation ${p('endorsement')} n’a pas pu être téléchargée (${p('reason')}) ; sa signature ne peut donc pas être vérifiée.`, p('details')),
    ENDORSEMENT_SIGNED_FORM_UNUSABLE: (p) => withDetails(`La forme signée de la recommandation ${p('endorsement')} est inutilisable : ${period(p('reason'))}`, p('details')),
    ENDORSEMENT_ALGORITHM_REFUSED: (p) =>
      withDetails(`La recommandation ${p('endorsement')} est signée avec « ${p('alg')} », qui n’est pas accepté (seuls RS256 et ES256 le sont).`, p('details')),
    ENDORSEMENT_SIGNED_FORM_DIFFERS: (p) =>
      withDetails(`La forme signée de la recommandation ${p('endorsement')} n’est pas la recommandation publiée à cette adresse (son identifiant, son auteur ou son objet diffèrent).`, p('details')),
    ENDORSEMENT_KEY_NOT_LISTED: (p) =>
      withDetails(`La recommandation ${p('endorsement')} a été signée avec la clé ${p('key')}, que son auteur ${p('endorser')} ne compte pas parmi ses clés publiées.`, p('details')),
    ENDORSEMENT_KEY_NOT_OWNED: (p) =>
      withDetails(`La clé ${p('key')} qui a signé la recommandation ${p('endorsement')} n’indique pas qu’elle appartient à son auteur ${p('endorser')}.`, p('details')),
    ENDORSEMENT_NO_KEYS: (p) =>
      withDetails(`La signature de la recommandation ${p('endorsement')} ne peut pas être vérifiée : ni elle ni son auteur n’indiquent de clé publique.`, p('details')),
    ENDORSEMENT_SIGNATURE_INVALID: (p) =>
      withDetails(`La signature de la recommandation ${p('endorsement')} n’est pas valide : elle a été modifiée ou n’a pas été signée par son auteur (${p('reasons')}).`, p('details')),
    ENDORSEMENT_REVOCATION_LIST_UNAVAILABLE: (p) =>
      withDetails(`La liste de révocation de l’auteur, ${p('list')}, n’a pas pu être chargée : on ne sait donc pas si la recommandation ${p('endorsement')} a été retirée.`, p('details')),
    HOSTED_ID_NOT_URL: () => 'Un badge hébergé doit avoir une adresse web (http/https) comme identifiant, pour pouvoir être vérifié à sa source.',
    HOSTED_ISSUER_WITHOUT_URL: () => 'L’émetteur n’a pas d’adresse web ; on ne peut donc pas vérifier où ses badges ont le droit d’être hébergés.',
    HOSTED_OUTSIDE_ORIGINS: (p) => `Le badge est hébergé sur ${p('host')}, mais son émetteur n’autorise que les badges hébergés sur ${p('allowed')}. Il ne vient peut-être pas vraiment de cet émetteur.`,
    HOSTED_OUTSIDE_PREFIXES: (p) => `L’adresse du badge ne commence par aucun des préfixes autorisés par son émetteur (${p('allowed')}). Il ne vient peut-être pas vraiment de cet émetteur.`,
    CRITERIA_EMPTY: () => 'Les critères du badge doivent avoir soit un lien vers une page de critères (id), soit un texte qui les décrit.',
    BADGE_WITHOUT_IMAGE: () => 'Le badge n’a pas d’image. Chaque BadgeClass doit avoir une image PNG ou SVG.',
    ASSERTION_IMAGE_DATA_URI: () => 'L’image de l’attribution ne peut pas être intégrée sous forme d’URI data: ; ce doit être un lien vers une image hébergée.',
    IMAGE_TYPE_REFUSED: (p) =>
      `L’image intégrée est « ${p.has('mediaType') ? p('mediaType') : 'de type inconnu'} » ; seules les images PNG (image/png) ou SVG (image/svg+xml) sont acceptées.`,
    RECIPIENT_NONE_GIVEN: (p) => `Le badge a été décerné à une personne identifiée par ${p('type')}, et aucun identifiant ${p('type')} n’a été donné pour la personne attendue.`,
    RECIPIENT_MISMATCH: (p) => `Le badge n’a pas été décerné à la personne attendue : aucun des identifiants ${p('type')} donnés ne correspond à son titulaire.`,
    PROPERTY_MISSING: (p) => `La propriété obligatoire « ${p('property')} » est absente.`,
    PROPERTY_HAS_NULL: (p) => `« ${p('property')} » contient des valeurs vides (null).`,
    PROPERTY_TOO_MANY: (p) => `« ${p('property')} » ne peut avoir qu’une valeur, mais en a ${p('count')}.`,
    PROPERTY_WRONG_TYPE: (p) => `« ${p('property')} » a la valeur « ${p('value')} », qui n’est pas ${p('valueType')}.`,
    TYPE_UNKNOWN: (p) => `« type » a la valeur « ${p('value')} », qui n’est ni un type Open Badges ni une IRI complète.`,
    TYPE_NOT_EXPECTED: (p) => `« type » vaut « ${p('value')} », mais ce document doit être de type ${p('expected')}.`,
    PROPERTY_NOT_LINK_OR_OBJECT: (p) => `« ${p('property')} » doit être un lien (IRI) ou un objet intégré, et non « ${p('value')} ».`,
    PROPERTY_DATA_URI_REFUSED: (p) => `« ${p('property')} » ne peut pas être une URI data: ici ; ce doit être un lien vers une ressource hébergée.`,
    PROPERTY_MUST_EMBED: (p) => `« ${p('property')} » doit être un objet intégré, et non le lien « ${p('value')} ».`,
    PROPERTY_NOT_IRI: (p) => `« ${p('property')} » a la valeur « ${p('value')} », qui n’est pas un lien (IRI) valide.`,
    NODE_WRONG_CLASS: (p) => `Un objet ${p('expected')} était attendu, mais c’est autre chose qui a été trouvé.`,
    NODE_TYPE_MISSING: () => 'Ce document n’indique pas quelle sorte d’objet Open Badges il est (son « type » est absent ou inconnu).',
    VERIFICATION_MISSING: () => 'Le badge n’indique pas comment le vérifier (hébergé ou signé) ; son authenticité ne peut donc pas être contrôlée.',
    ISSUER_NOT_URL: () => 'L’émetteur n’est pas identifié par une adresse web (http/https) ; beaucoup de plateformes de badges ne peuvent ni afficher ni vérifier un tel émetteur.',
    ISSUED_IN_FUTURE: (p) => `Le badge indique avoir été décerné le ${p('issuedOn')}, une date future.`,
    EXPIRES_BEFORE_ISSUED: (p) => `Le badge expire (${p('expires')}) avant d’avoir été décerné (${p('issuedOn')}).`,
    EXPIRED: (p) => `Le badge a expiré le ${p('expires')}.`,
    IDENTITY_NOT_HASH: (p) => `L’identité du titulaire « ${p('identity')} » est marquée comme hachée, mais ce n’est pas une empreinte sha256$… ou md5$….`,
    IDENTITY_LOOKS_HASHED: () => 'L’identité du titulaire ressemble à une empreinte, mais « hashed » n’est pas vrai : elle ne pourra jamais correspondre au titulaire.',
    IDENTITY_NOT_EMAIL: (p) => `Le titulaire est identifié par courriel, mais l’identité « ${p('identity')} » n’est pas une adresse courriel.`,
    IDENTITY_NOT_URL: () => 'Le titulaire est identifié par une adresse web, mais l’identité n’en est pas une.',
    IDENTITY_NOT_TELEPHONE: () => 'Le titulaire est identifié par téléphone, mais l’identité n’est pas un numéro international (E.164).',
    COPY_DIFFERS_FROM_HOSTED: (p) =>
      `Cette copie du badge diffère de celle que son émetteur héberge (${p('fields')}). C’est la copie hébergée qui a été vérifiée : fiez-vous à elle, pas à la copie reçue.`,
    INTERNAL_FAILURE: () => 'Ce badge n’a pas pu être vérifié à cause d’un problème de notre côté. Réessayez plus tard ; si cela se reproduit, prévenez l’exploitant du site.',
    SIGNED_JSON_NEEDS_JWS: () =>
      'Ce badge signé a été fourni en JSON sans sa signature : rien ne montre donc que son émetteur l’a signé. ' +
      'Fournissez plutôt le badge signé lui-même (le JWS compact, un texte en trois parties séparées par des points) ou l’image du badge.',
    VC_INPUT_NOT_CREDENTIAL: () => 'Ce JSON n’est pas une attestation Open Badges 3.0 : ce n’est pas un objet JSON avec un @context et un type.',
    VC_INPUT_TOO_LARGE: (p) => `L’attestation contient plus de ${p('maxValues')} valeurs, bien plus qu’aucun badge ; elle n’a pas été traitée.`,
    VC_JWT_UNDECODABLE: (p) => `L’attestation signée (VC-JWT) n’a pas pu être décodée : ${period(p('reason'))}`,
    VC_JWT_NO_CREDENTIAL: () => 'L’attestation signée (VC-JWT) ne contient aucune attestation : son contenu n’a ni revendication « vc » ni attestation.',
    VC_CONTEXT_MISSING: () => 'L’attestation n’a pas de @context : ce n’est donc pas une attestation vérifiable.',
    VC_CONTEXT_FIRST: (p) =>
      `Le premier @context de l’attestation est ${p('context')} ; ce doit être le contexte des attestations vérifiables https://www.w3.org/ns/credentials/v2 (ou https://www.w3.org/2018/credentials/v1 pour les attestations plus anciennes).`,
    VC_CONTEXT_V1: () =>
      'L’attestation suit l’ancien modèle des attestations vérifiables 1.1 (contexte https://www.w3.org/2018/credentials/v1) ; les attestations Open Badges 3.0 suivent maintenant la version 2.0. Elle a tout de même été vérifiée.',
    VC_CONTEXT_NO_OB: () => 'L’attestation n’indique pas le @context Open Badges 3.0 (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json) : ses termes de badge n’ont donc pas de sens convenu.',
    VC_CONTEXT_OLD_OB: (p) => `L’attestation utilise une version antérieure du contexte Open Badges 3.0 (${p('context')}) ; la version actuelle est context-3.0.3.json. Elle a tout de même été vérifiée.`,
    VC_TYPE_MISSING: (p) => `Le « type » de l’attestation doit comprendre VerifiableCredential et ${p('expected')}.`,
    VC_UNKNOWN_CONTEXT: (p) =>
      `L’attestation n’a pas pu être lue : elle utilise le contexte JSON-LD ${p('context')}, que ce serveur ne connaît pas (les contextes inconnus ne sont jamais téléchargés, car ils pourraient changer le sens de chaque terme).`,
    VC_JSONLD_DROPPED: (p) =>
      `L’attestation a la propriété « ${p('property')} », qu’aucun de ses contextes JSON-LD ne définit : elle n’a donc pas de sens convenu. Une attestation vérifiable ne peut pas contenir de termes non définis : l’émetteur doit ajouter le contexte qui la définit ou la retirer.`,
    VC_JSONLD_UNDEFINED_TYPE: (p) => `Le type « ${p('type')} » n’est pas défini par les contextes JSON-LD de l’attestation : il n’a donc pas de sens convenu.`,
    VC_JSONLD_INVALID: (p) => `L’attestation n’est pas du JSON-LD valide : ${period(p('reason'))}`,
    VC_SCHEMA_MISMATCH: (p) => `L’attestation ne respecte pas le schéma JSON officiel d’Open Badges 3.0 à ${p('path')} : ${period(p('problem'))}`,
    VC_SCHEMA_NOT_FETCHED: (p) =>
      `L’attestation indique le schéma JSON ${p('schema')}, que ce serveur ne télécharge pas ; elle a été contrôlée avec le seul schéma officiel d’Open Badges 3.0.`,
    VC_SCHEMA_SINGLE_VALUE: (p) =>
      `L’attestation donne une seule valeur là où le schéma JSON officiel attend une liste (${p('path')}). JSON-LD lit les deux de la même façon, elle a donc été contrôlée comme une liste, mais les outils qui lisent du JSON simple pourraient la refuser.`,
    VC_PROOF_MISSING: () => 'L’attestation n’a pas de preuve (signature) : rien ne montre donc qui l’a émise.',
    VC_PROOF_TOO_MANY: (p) => `L’attestation porte ${p('count')} preuves ; au plus ${p('limit')} sont vérifiées, elle n’a donc pas été vérifiée du tout.`,
    VC_PROOF_UNSUPPORTED: (p) =>
      `La preuve de l’attestation est de type ${p('type')}, que ce serveur ne sait pas vérifier (il vérifie DataIntegrityProof avec eddsa-rdfc-2022, Ed25519Signature2020 et VC-JWT).`,
    VC_PROOF_LEGACY: (p) => `L’attestation est signée avec ${p('type')}, un type de preuve plus ancien ; la signature a été vérifiée, mais les émetteurs devraient maintenant signer avec DataIntegrityProof (eddsa-rdfc-2022).`,
    VC_PROOF_INVALID: (p) => `La signature de l’attestation n’est pas valide : elle a été modifiée après la signature ou n’a pas été signée avec la clé qu’elle indique (${p('reason')}).`,
    VC_PROOF_NOT_CHECKED: (p) => `La signature de l’attestation n’a pas pu être vérifiée : ${period(p('reason'))}`,
    VC_PROOF_NOT_CHECKED_JSONLD: () =>
      'La signature n’a pas pu être vérifiée : l’attestation n’est pas du JSON-LD valide (voir plus haut), ce qui a été signé ne peut donc pas être lu sans ambiguïté.',
    VC_KEY_NOT_URI: (p) => `La preuve désigne sa clé par « ${p('method')} », qui n’est pas une adresse (il manque le schéma) : la clé est donc introuvable.`,
    VC_KEY_SCHEME_REFUSED: (p) => `La clé de la preuve, ${p('method')}, est une adresse « ${p('scheme')}: » ; seules les adresses did:key, did:web et https sont consultées.`,
    VC_KEY_DID_METHOD_REFUSED: (p) => `La clé de la preuve, ${p('method')}, utilise la méthode DID did:${p('didMethod')} ; seules did:key et did:web sont résolues.`,
    VC_KEY_BARE_DID: (p) => `La preuve désigne le DID ${p('method')} au lieu de l’une de ses clés (une URL DID se terminant par #…) : la clé est donc ambiguë.`,
    VC_KEY_NOT_FOUND: (p) => `La clé ${p('method')} ne figure pas dans le document ${p('document')} : la signature ne peut donc pas être vérifiée.`,
    VC_KEY_NOT_ASSERTION: (p) => `La clé ${p('method')} ne fait pas partie des clés que son contrôleur ${p('controller')} autorise à signer des attestations (assertionMethod).`,
    VC_KEY_UNUSABLE: (p) => `La clé ${p('method')} n’est pas une clé publique utilisable par ce serveur (une clé Ed25519 en Multikey ou en JWK, ou une JWK RSA ou P-256 pour un VC-JWT).`,
    VC_DID_DOCUMENT_MISMATCH: (p) => `Le document téléchargé depuis ${p('url')} n’indique pas qu’il est ${p('did')} : son identifiant diffère, on ne peut donc pas se fier aux clés qu’il contient.`,
    VC_JWT_ALGORITHM_REFUSED: (p) => `L’attestation est signée avec « ${p('alg')} », qui n’est pas accepté (seuls RS256, ES256 et EdDSA le sont).`,
    VC_JWT_NO_KEY: () => 'Le VC-JWT n’indique aucune clé pour le vérifier (son en-tête n’a ni « kid » ni « jwk »).',
    VC_JWT_CLAIM_MISSING: (p) => `Le VC-JWT n’a pas de revendication « ${p('claim')} », qu’Open Badges 3.0 exige.`,
    VC_JWT_CLAIM_MISMATCH: (p) => `La revendication « ${p('claim')} » du VC-JWT vaut ${p('value')}, mais l’attestation qu’il contient indique ${p('expected')}.`,
    VC_ISSUER_MISSING: () => 'L’attestation n’indique pas l’identifiant de son émetteur : rien ne peut donc montrer qui l’a émise.',
    VC_KEY_NOT_ISSUERS: (p) =>
      `L’attestation a été signée avec la clé ${p('method')}, qui appartient à ${p('controller')} et non à son émetteur ${p('issuer')}. Elle ne vient peut-être pas vraiment de cet émetteur.`,
    VC_KEY_EMBEDDED: () =>
      'Le VC-JWT porte sa propre clé publique (jwk) au lieu de désigner une clé publiée par son émetteur : n’importe qui a pu le signer, et rien ne montre qu’il vient de son émetteur.',
    VC_KEY_OUTSIDE_ISSUER: (p) => `La clé de signature ${p('key')} n’est pas publiée à l’adresse de l’émetteur (${p('issuer')}) : rien ne montre donc que c’est la clé de l’émetteur.`,
    VC_REVOKED_IN_LIST: (p) =>
      `Ce badge a été révoqué ${p.has('issuer') ? `par ${p('issuer')}` : 'par son émetteur'}. Il n’est plus valide ; son titulaire peut se renseigner auprès de l’émetteur. (Marqué comme révoqué dans ${p('list')}.)`,
    VC_SUSPENDED_IN_LIST: (p) => `Ce badge est suspendu par son émetteur : il n’est pas valide pour le moment. (Marqué comme suspendu dans ${p('list')}.)`,
    VC_STATUS_UNSUPPORTED: (p) => `Le statut de l’attestation est de type ${p('type')}, que ce serveur ne sait pas vérifier : on ne sait donc pas si le badge a été révoqué.`,
    VC_STATUS_ENTRY_INVALID: (p) => `L’entrée de statut de l’attestation n’a pas de « ${p('property')} » utilisable : on ne sait donc pas si le badge a été révoqué.`,
    VC_STATUS_TOO_MANY: (p) => `L’attestation a ${p('count')} entrées de statut ; au plus ${p('limit')} sont vérifiées, son statut n’a donc pas été vérifié.`,
    VC_STATUS_UNAVAILABLE: (p) =>
      `La liste de statuts de l’émetteur, ${p('list')}, n’a pas pu être vérifiée : on ne sait donc pas si ce badge a été révoqué.${p.has('details') ? ` ${p('details')}` : ''}`,
    VC_STATUS_LIST_NOT_LIST: () => 'Ce n’est pas une attestation de liste de statuts (BitstringStatusListCredential avec un encodedList).',
    VC_STATUS_LIST_WRONG_ISSUER: (p) => `Elle a été émise par ${p('issuer')}, et non par l’émetteur du badge, ${p('expected')}.`,
    VC_STATUS_LIST_TOO_LARGE: (p) => `Une fois décompressée, sa liste dépasse ${p('limit')} octets, bien plus qu’aucune liste réelle.`,
    VC_STATUS_LIST_UNDECODABLE: () => 'Son encodedList n’est pas une liste compressée en GZIP et encodée en base64url.',
    VC_STATUS_INDEX_OUT_OF_RANGE: (p) => `La position ${p('index')} du badge est hors de la liste, qui compte ${p('length')} entrées.`,
    VC_STATUS_PURPOSE_MISMATCH: (p) => `L’entrée du badge concerne « ${p('purpose')} » mais la liste concerne « ${p('listPurpose')} ».`,
    VC_STATUS_LIST_EXPIRED: (p) => `La liste n’est plus valide depuis le ${p('validUntil')} ; l’émetteur n’en a pas publié de nouvelle.`,
    VC_NOT_YET_VALID: (p) => `Le badge n’est valide qu’à partir du ${p('validFrom')}, une date future.`,
    VC_DATE_INVALID: (p) => `« ${p('property')} » vaut « ${p('value')} », qui n’est pas une date et une heure avec un fuseau horaire, comme 2024-05-01T12:00:00Z.`,
    VC_ENDORSEMENT_PROBLEM: (p) => `La recommandation ${p('endorsement')} n’a pas pu être vérifiée ; elle ne compte donc pas : ${p('details')}`,
    VC_ENDORSEMENT_REVOKED: (p) => `La recommandation ${p('endorsement')} a été révoquée par son auteur ; elle ne recommande plus ce badge.`,
    VC_ENDORSEMENT_TOO_MANY: (p) => `Le badge porte ${p('count')} recommandations ; seules les ${p('limit')} premières ont été vérifiées.`,
    VC_ENDORSEMENT_OTHER_SUBJECT: (p) =>
      `La recommandation ${p('endorsement')} recommande ${p('subject')}, et non ${p('target')} qui la porte : elle ne compte donc pas pour ce badge.`,
  },
  steps: {
    DETECT_INPUT_TYPE: 'Reconnaître ce qui a été fourni (adresse web, JSON du badge, badge signé ou image)',
    FETCH_DOCUMENT: 'Télécharger les documents du badge en toute sécurité',
    JSONLD_COMPACT: 'Lire les documents avec le vocabulaire Open Badges 2.0',
    VALIDATE_PROPERTIES: 'Contrôler chaque propriété obligatoire de chaque document',
    LINKED_NODES: 'Charger la classe du badge, l’émetteur et les recommandations',
    HOSTED_VERIFICATION: 'Vérifier que le badge est hébergé là où son émetteur l’indique',
    SIGNED_VERIFICATION: 'Vérifier la signature avec la clé publiée par l’émetteur',
    REVOCATION_AND_EXPIRY: 'Vérifier que le badge n’est ni révoqué ni expiré',
    RECIPIENT: 'Vérifier que le badge appartient à la personne attendue',
    LEGACY_UPGRADE: 'Convertir un badge Open Badges 1.0/1.1 en 2.0 avant de le vérifier',
    CREDENTIAL_CONTEXT: 'Vérifier que c’est une attestation Open Badges 3.0 (ses contextes et ses types)',
    CREDENTIAL_JSONLD: 'Lire l’attestation avec les vocabulaires connus des attestations vérifiables et d’Open Badges 3.0 (aucun terme non défini)',
    CREDENTIAL_SCHEMA: 'Contrôler l’attestation avec le schéma JSON officiel d’Open Badges 3.0',
    CREDENTIAL_PROOF: 'Vérifier la signature de l’attestation (preuve Data Integrity ou VC-JWT) avec la clé qu’elle indique',
    CREDENTIAL_ISSUER: 'Vérifier que la clé de signature appartient à l’émetteur',
    CREDENTIAL_STATUS: 'Consulter la liste de statuts de l’émetteur : le badge n’est pas révoqué',
    CREDENTIAL_VALIDITY: 'Vérifier que le badge est valide aujourd’hui (dates de début et de fin de validité)',
    CREDENTIAL_ENDORSEMENTS: 'Vérifier les recommandations que porte le badge',
  },
  advice: {
    blocked_address: 'Les badges doivent être publiés sur l’internet public ; demandez à l’émetteur un lien public vers ce badge.',
    redirect_blocked: 'Les badges doivent être publiés sur l’internet public ; demandez à l’émetteur un lien public vers ce badge.',
    unsupported_scheme: 'Seuls les liens http et https peuvent être vérifiés.',
    dns_failure: 'Vérifiez que l’adresse ne contient pas de faute de frappe, ou demandez à l’émetteur si le badge a déménagé.',
    connect_timeout: 'Le serveur de l’émetteur n’a pas répondu ; réessayez plus tard.',
    timeout: 'Le serveur de l’émetteur n’a pas répondu à temps ; réessayez plus tard.',
    network_error: 'Le serveur de l’émetteur est injoignable ; réessayez plus tard.',
    too_large: 'Les documents d’un badge sont petits ; cette adresse ne sert pas un badge.',
    too_many_redirects: 'L’adresse redirige sans fin ; demandez à l’émetteur le lien actuel du badge.',
  },
  valueTypes: {
    TEXT: 'du texte',
    MARKDOWN_TEXT: 'du texte',
    BOOLEAN: 'vrai ou faux (true ou false)',
    IRI: 'un identifiant (une URL http(s), un urn:uuid ou un identifiant de nœud anonyme)',
    URL: 'une adresse web commençant par http:// ou https://',
    DATETIME: 'une date et une heure avec fuseau horaire, comme 2024-05-01T12:00:00Z',
    EMAIL: 'une adresse courriel',
    TELEPHONE: 'un numéro de téléphone au format international E.164, comme +15417522845',
    URL_AUTHORITY: 'un nom d’hôte comme example.org (sans http:// ni chemin)',
    COMPACT_IRI: 'un terme connu comme email, url, telephone ou id',
  },
};

function withDetails(sentence: string, details: string): string {
  return details ? `${sentence} ${details}` : sentence;
}
