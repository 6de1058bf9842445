import { nameLemmaCandidates } from './finnish-inflection.js';

/**
 * Countries, continents and large cities in Finnish, Swedish and English (nominative). Proper nouns are
 * not in the Kotus list, and without this "Brasilia voitti" or "Egyptin" read as people.
 */
const PLACES = `
suomi finland ruotsi sverige sweden norja norge norway tanska danmark denmark islanti island iceland viro eesti estonia estland
latvia lettland liettua litauen lithuania venäjä ryssland russia puola polen poland saksa tyskland germany ranska frankrike france
espanja spanien spain portugali portugal italia italien italy kreikka grekland greece turkki turkiet turkey englanti england
britannia storbritannien irlanti irland ireland skotlanti skottland scotland wales hollanti alankomaat nederländerna netherlands
belgia belgien belgium sveitsi schweiz switzerland itävalta österrike austria unkari ungern hungary tšekki tjeckien czechia
slovakia romania rumänien bulgaria bulgarien kroatia kroatien croatia serbia serbien slovenia bosnia albania makedonia ukraina
ukraine valko-venäjä belarus moldova kypros cypern cyprus malta luxemburg yhdysvallat usa amerikka amerika america kanada canada
meksiko mexico brasilia brasilien brazil argentiina argentina chile kolumbia colombia peru venezuela kuuba kuba cuba
kiina kina china japani japan korea intia indien india pakistan afganistan iran irak iraq syyria syrien syria israel palestiina
libanon jordania egypti egypten egypt libya tunisia marokko algeria somalia etiopia kenia kenya nigeria ghana sudan
etelä-afrikka sydafrika australia australien uusi-seelanti thaimaa thailand vietnam indonesia filippiinit malesia singapore
eurooppa europa europe aasia asien asia afrikka afrika africa pohjoismaat norden lappi lappland ahvenanmaa åland
helsinki helsingfors espoo esbo vantaa vanda turku åbo tampere tammerfors oulu uleåborg jyväskylä lahti kuopio pori vaasa vasa
joensuu lappeenranta hämeenlinna kotka porvoo borgå rovaniemi kajaani mikkeli savonlinna kouvola salo kerava järvenpää
tukholma stockholm göteborg malmö oslo kööpenhamina köpenhamn copenhagen tallinna tallinn riika riga pietari petersburg moskova
moskva moscow berliini berlin pariisi paris lontoo london rooma rom rome madrid barcelona wien ateena aten athens brysseli bryssel
brussels amsterdam praha prag prague varsova warszawa warsaw budapest new york washington tokio tokyo peking beijing kairo cairo
aleksandria
`.split(/\s+/).filter(Boolean);
const PLACE_SET = new Set(PLACES);

export function isPlaceName(word: string): boolean {
  const lower = word.toLowerCase();
  if (PLACE_SET.has(lower)) return true;
  return nameLemmaCandidates(word).some((c) => PLACE_SET.has(c));
}
