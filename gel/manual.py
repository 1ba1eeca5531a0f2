"""The criteria only a person can judge, each with the reason: what the decree asks
is outside the portal (training, national networks, other entities' links, office
procedures), so an official of the GEL committee records it (``ManualEvaluation``)."""

from django.utils.translation import gettext_lazy as _

#: criterion id -> why it is evaluated manually
MANUAL = {
    "acceso-via-wappda-acceso-movil": _(
        "Mobile access is judged on real phones and networks by the committee; the portal "
        "cannot test itself on them."
    ),
    "referenciacion": _(
        "Referencing means other entities' portals link to this one; those sites are outside "
        "the portal."
    ),
    "plan-de-simplificacion-racionalizacion-y-estandarizacion-de-tramites": _(
        "The simplification plan is an administrative document adopted by the entity, not "
        "content the portal produces."
    ),
    "ejecucion-del-plan-ejecutado-vs-programado": _(
        "The execution of the simplification plan is measured in the entity's offices."
    ),
    "incorporacion-al-sistema-nacional-de-servicio-al-ciudadano": _(
        "Joining the national citizen service system is an agreement with the national "
        "government, recorded by the committee."
    ),
    "ventanillas-unicas-virtuales-yo-cadenas-de-tramites": _(
        "One-stop windows and procedure chains span several entities' systems."
    ),
    "incentivos-yo-estimulos": _(
        "Incentives for using online channels are decided and granted by the administration."
    ),
    "formacion-en-gobierno-en-linea": _(
        "Training of officials in online government happens outside the portal."
    ),
    "formacion-en-temas-relacionados-con-el-gobierno-en-linea": _(
        "Training of officials in related topics happens outside the portal."
    ),
    "red-de-alta-velocidad-del-estado-colombiano": _(
        "Connection to the state's high-speed network is infrastructure the portal cannot see."
    ),
    "lenguaje-estandar-para-el-intercambio-de-informacion": _(
        "Adopting the standard data-exchange language concerns the entity's information "
        "systems as a whole."
    ),
    "politicas-de-interoperabilidad": _(
        "Interoperability policies are adopted by the entity and agreed with other entities."
    ),
    "tramitador-en-linea": _(
        "The national online procedure hub is run by the national government; the committee "
        "records the entity's procedures registered in it."
    ),
    "centro-de-contacto-al-ciudadano": _(
        "The citizen contact centre is a telephone and in-person service outside the portal."
    ),
}
