package cz.intouch.support.triage;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.OutOfScopeCategory;
import cz.intouch.support.ticket.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an experienced agent reads in a request before deciding scope and urgency: named facts about its substance,
 * not its tone. The decision tables map these signals to scope and urgency with a few rows an analyst can read;
 * this class only finds them in the customer's own text (subject and what this message adds: quoted history and
 * signatures are gone, see {@link RequestText#newText}). Czech and English, with or without diacritics (compared
 * folded, {@link Texts#fold}); word stems are matched as word starts, so "uložit", "neuloží" and "neukládají" need
 * their own stems.
 *
 * <p>The paid work of a request counts only when it is the main ask: a P.S., a sentence about later or separate
 * plans, a conditional aside ("kdyby to nešlo, objednáme si to") or a mention of an upgrade the customer did
 * themselves does not turn a question or a fault report into a refusal.
 */
public final class TriageSignals {

  /**
   * The signals; {@code mainAskPaidWork} is an {@link OutOfScopeCategory} code or null, {@code paidWorkAside} says
   * that paid work is mentioned, but not as the main ask.
   */
  public record Signals(boolean faultReported, boolean everyoneAffected, boolean operationsStopped, boolean dataLost,
      boolean workaroundExists, boolean oneUser, boolean slowOnly, boolean cosmeticOnly, boolean howToQuestion,
      boolean configurationQuestion, String mainAskPaidWork, boolean paidWorkAside) {

    /** The decision inputs by the names the tables read. */
    public Map<String, Object> asInputs() {
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put(SIGNAL_FAULT_REPORTED, faultReported);
      inputs.put(SIGNAL_EVERYONE_AFFECTED, everyoneAffected);
      inputs.put(SIGNAL_OPERATIONS_STOPPED, operationsStopped);
      inputs.put(SIGNAL_DATA_LOST, dataLost);
      inputs.put(SIGNAL_WORKAROUND_EXISTS, workaroundExists);
      inputs.put(SIGNAL_ONE_USER, oneUser);
      inputs.put(SIGNAL_SLOW_ONLY, slowOnly);
      inputs.put(SIGNAL_COSMETIC_ONLY, cosmeticOnly);
      inputs.put(SIGNAL_HOW_TO_QUESTION, howToQuestion);
      inputs.put(SIGNAL_CONFIGURATION_QUESTION, configurationQuestion);
      inputs.put(SIGNAL_MAIN_ASK_PAID_WORK, mainAskPaidWork);
      inputs.put(SIGNAL_PAID_WORK_ASIDE, paidWorkAside);
      return inputs;
    }
  }

  private static Pattern words(String alternatives) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")");
  }

  // --- what is wrong -------------------------------------------------------------------------------------------
  private static final Pattern FAULT = words("nejde|nejdou|nelze|nefunguj|nefunkcni|chyb[aeyou]|chybov|hlas[ik]|"
      + "pada|padaj|spadn|spadl|zamrz|zasekn|zasek|neulo|neuklad|neotevr|nenac|nenajd|nenach|nepripoj|nepodar|nemuz|"
      + "nemohu|nemuzu|nemuzem|nespust|neodch|neodes|netiskn|nevytiskn|nesynchron|odpoj|vypad[eklu]|prazdn|"
      + "nezobraz|zmizel|pomal|slow|ztrat|smazal|poskozen|timeout|error|fail|crash|freez|broken|cannot|can t(?!\\p{L})|"
      + "can not|won t(?!\\p{L})|"
      + "doesn t work|does not work|not working|stopped working|unreachable|disappear|lost|missing|"
      + "replaced with|shows as|chybi|prestal|preskak|preskoc|nesed|spatn[a-z]* (pocit|souct|cisl|vysled|hodnot)|"
      + "jine soucty|zustan[a-z]* ve fronte|(sam|samo|sama) (se )?odhlas|"
      // a negated verb ("nechodí", "nezobrazují", "nevytiskne") is how Czech customers say that something fails
      + "ne(?!(bo|co|kdo|kde|kdy|kolik|davno|ni|vim|vite|vime|vi |chci|chceme|mame|mam|musi|musim|z|j|prodlen|"
      + "specha|cekan|"
      + "uveriteln|skutecn|predstav|bud|boj|dej|da |cht|zapomen|ctiteln|prijemn|zasadn|hrozn|pekn|moc|vsim|ed|w|t|"
      + "del|zbytn|vhod|patrn|urgent|sahn|ver|ar|ur))[a-z]{3,}|"
      // cosmetic faults are faults too (the cosmetic signal tells them apart)
      + "preklep|posunut|usekn|useka|prekryv|zarovnan|typo|display issue");
  /** "I forgot my password, so I cannot log in" is a how-to, not a login failure. */
  private static final Pattern FORGOTTEN_PASSWORD = words("zapomn[a-z]* (jsem )?hesl|zapomel[a-z]* (jsem )?hesl|"
      + "hesl[a-z]* (jsem )?zapom|forgot[a-z]* (my )?password|password reset");
  /**
   * A locked account: a how-to when the customer asks how to unlock it; reported as "I cannot work" it stays a fault.
   */
  private static final Pattern LOCKED_ACCOUNT = words(
      "(ucet|konto) (je |byl |mam )?(docasne |trvale )?(uzamcen|zamcen|zablokovan)|"
      + "(uzamcen|zamcen|zablokovan)[a-z]* (muj |mi )?(ucet|konto)|(odemk|odomk)[a-z]* (muj |mi )?(ucet|konto)|"
      + "(ucet|konto) (mi )?(odemk|odomk)|account (is |was |has been )?(temporarily )?(locked|blocked)|locked out|"
      + "unlock (my |the )?account");

  /** The work moved onto paper ("objednávky teď píšeme na papír"); "v tisku na papír je ostré" is printing. */
  private static final String ON_PAPER = "(pis[a-z]*|zapis[a-z]*|vedeme|vyplnuj[a-z]*|prepn[a-z]*|prech[a-z]*|jedeme|"
      + "delame|resime|evidujeme|sepisuj[a-z]*|rucne)[a-z ]{0,25} na papir|na papir[a-z]* (pis|zapis|ved|evid)|"
      + "on paper";

  private static final Pattern EVERYONE = words("nikdo (z|se|nemuz|nic)|nikomu|nikoho|vsichni|(tyka|deje) se to nas vsech|vsem (uzivatel|kolegum|nam|v )|vsech uzivatel|vsech (nas|kolegu|"
      + "pracovnic|lidi)|na vsech (stanic|pocitac|pc|zarizeni)|on all (pcs|machines|workstations|computers)|celou firm|cela firm|cele firm|cely urad|cela kancelar|vsechny uzivatel|vsem uzivatel|"
      + "everybody|everyone|nobody|none of|all (of )?(our )?(users|staff|employees)|whole (office|company)");
  private static final Pattern STOPPED = words("(obchod|vyroba|prodej|expedice|kancelar|prace|provoz|dilna|"
      + "fakturace|podatelna|sklad)[a-z]* (i [a-z]+ )?stoji|stoji (obchod|vyroba|prodej|expedice|kancelar|prace|"
      + "provoz)|(ridic|dispecer|skladnic|operator|obchodnic|lide|lidi)[a-z]* (i [a-z]+ )?(stoji|cekaji)|nevime komu|"
      + "nemuzeme (vubec )?(nic|pracovat|delat|vystavit|fakturovat)|nemuzou pracovat|nemohou pracovat|"
      + "nemuzeme vubec|nelze pracovat|nedaji pracovat|" + ON_PAPER + "|papirove|do sesitu|zastavil[a-z]* stroj|"
      + "nevime,? (co|kdo|kde)|nevidime,? kdo|nikdo nevi|nobody knows|cannot work|can t work|nobody can work|"
      + "stoji nam|bez (nich|nej|toho|adresare) nemuzeme|bez (nich|nej) nevime|nemuze vystavit|nemuzeme poslat|"
      + "neda (se )?(s nim |s tim )?(vubec )?(pracovat|pouzivat)|nepouziteln|prakticky nemuz|sedi a cekaj|"
      + "unusable|can t be used|nobody can|(drivers|dispatchers|trucks|customers|staff) are (waiting|standing)|"
      + "not sustainable|none of the \\d+ [a-z]+ can|"
      // nobody can log in: the program is unusable for them, whatever they write down meanwhile
      + "nikdo (se )?(uz )?(nemuze|nemohou|nedokaze|neprihlasi|nedostane)[a-z ]{0,15}prihlas|"
      + "(nemuze|neprihlasi|nedostane) (se )?[a-z ]{0,20}nikdo (z|ze|krome|v|na)|no one can log|"
      // nothing at all can be saved: the program is unusable for that work
      + "(nelze|nejde|nemuz[a-z]*|nemohou) [a-z ]{0,20}ulozit (zadn|ani)|neulozi se zadn|nikdo nemuze ulozit");
  private static final Pattern DATA_LOST = words("zmizel[a-z]* (vsechn|data|zaznam|zakaz|nabid|faktur|asi|cca)|zmizely zakaz|"
      + "ztratil[a-z]* (se )?(data|zaznam|zakaz|nabid|faktur)|"
      + "prisli jsme o|chybi vsechny|jsou vsechna pole prazdn|vsechna pole (jsou )?prazdn|data (jsou )?pryc|"
      + "smazal[a-z]* (se )?(vsechn|data)|prepsal[a-z]* (vsechn|data)|poskozen[a-z]* databaz|"
      + "ztrat[a-z]* (dat|rozepsan|neulozen)|prijd[a-z]* o (neulozen|rozepsan)|prichazi o|"
      + "(rozepsane|neulozene)[a-z ]{0,20} zmizi|(rozepsan|rozpracovan|neulozen)[a-z ]{0,80} pryc|nic se neulozi|"
      + "(prisla|prisel|prisli) o (cel|vsechn|zaznam|data|prac)|"
      + "data (were )?lost|lose (all )?(their |the )?unsaved|lost (all )?(the )?data|data loss|all [a-z ]{0,20}disappeared");
  private static final Pattern WORKAROUND = words("obchaz|obejit|da se to obejit|zatim (to )?(posil|pis|uklad|"
      + "tisk|del|resim|zad|exportuj)|ted (je |to )?(posil|pis|tisk|zad)|prozatim|docasne|nahradni|"
      + "da se s tim (zit|fungovat|pracovat)|pracovat se da|(hledat|seradit|vyhledat|dohledat) rucne|jinak (se )?(da|lze) pracovat|jinak fungujeme|ostatni funkce funguj|"
      + "jinak (vse |to |program )?funguje|jinak se tisknou|jinak bezi|pak uz program bezi|funguje normalne|"
      + "az po (stlacen|stisknut|obnoven|znovunacten|refresh|restart|odhlasen|opetovn)|po (stlacen|stisknut)[a-z]* f5|"
      + "workaround|for now (we|i)|after (a )?(refresh|reload|restart)|(refresh|reload|restart) helps|at the moment we|"
      + "in the meantime|slower but|it does eventually work|work around (it|this)|we can work around|"
      + "pres (web|prohlizec|notebook|jiny pocitac|jine pc)[a-z ]{0,30}(normalne|funguje|jde)|"
      + "(export|tisk|import) do [a-z]+ funguje|pres [a-z ]{0,20}to jde|"
      + "eventually works|other functions work|everything else works");
  private static final Pattern ONE_USER = words("jen mne|jen mi |jenom mne|jen u mne|mne ne|kolegyn[a-z]* (vedle )?to "
      + "(ma|funguj|jde)|kolegum to (jde|funguj)|ostatnim (to )?(jde|funguj|holkam)|ostatnim holkam to|"
      + "jen (tem|temto|jednomu|jedne|u jednoho)|mym uct|only (for )?me|only my (account|pc|computer)|"
      + "my colleagues (don t|do not) have|colleagues [a-z ]{0,40}without (any )?problems|"
      + "(bound|tied|limited) to my (user )?(account|profile|pc)|works for (him|her|them)|"
      // the rest are fine: the fault is limited to one user or one account
      + "ostatni[a-z]* ((po)?uzivatel[a-z]* |kolegov[a-z]* )?(to )?(funguj|nemaj)|"
      + "ostatnim (po)?uzivatel[a-z]* (to )?(funguj|jde)|"
      + "ostatnich (uzivatelu |kolegu )?se (to )?netyk|(other|interactive|remaining) users [a-z ]{0,20}not affected|"
      + "users [a-z ]{0,30}are not affected|(everyone|everybody) else (is )?(fine|not affected)|"
      // a few users or devices of many, the others fine: limited, not significantly
      + "(u )?(asi |cca |zhruba )?(\\d+|dvou|dvema|tri|trech|ctyr|ctyrech|peti|par|nekolika) (z|ze) (\\d+|[a-z]+) "
      + "(uzivatel|kolegu|pracovnik|terminal|pocitac|pc|stanic|notebook|zarizeni|pobock)|"
      + "na ostatnich (ano|to jde|funguje|v poradku)|ostatni [a-z ]{0,20}(jsou|je) v poradku|"
      + "tyka se (to )?(jen )?(nas )?(\\d+|dvou|tri|ctyr|nekolika|par) (uzivatel|kolegu|lidi|obchodnik|pracovni|"
      + "zamestnan|operator)|(all|the) other users [a-z0-9. ]{0,25}(are )?(fine|ok|working|not affected)|"
      + "(only )?(\\d+|two|three|four|a few|several) (of (our )?\\d+ )?users (cannot|can t|are affected|have)|"
      + "affects (roughly |about |only )?(a third|a quarter|some|a few|\\d+ ?%) of");
  private static final Pattern SLOW = words("pomal|trva (to )?(pres |skoro |asi |cca )?(\\d|minut|dlouho|strasne)|"
      + "trva vyhledav|toci se|toci kolecko|zdrzuj|zdrzeni|zpozdeni|se zpozdenim|odezv|slow|takes (me )?ages|"
      + "takes (\\d|minutes)|for \\d+.\\d+ minutes|freezes for");
  private static final Pattern COSMETIC = words("preklep|drobnost|kosmetick|vzhled|posunut|usekn|useka|prekryv|"
      + "zarovnan|nic hrozneho|nic zasadniho|neni to nic|jen to (vypada|mate|otravuje|neni)|vypada (to )?(divne|"
      + "hrozne)|neprofesional|ukl[a-z]* (to )?normaln|normalne ulozi|normalne ulozen|data jsou v poradku|"
      + "vse v poradku|soucty jsou spravn|bliká|blika|probliku|typo|small thing|small display|display issue|"
      + "looks (odd|strange|wrong)|just a small|cosmetic|flicker|everything works|zkratk|klavesou|ctrl s|ikon|titulk|"
      + "sirk[a-z]* sloupc|rozlisen|napsan[oa] [a-z ]{1,40} misto|nevejde na obrazovk|uvodni nul|matouci|rozmazan|neostr|blurr|pixelat|"
      // an error shown while the data are saved correctly
      + "(data|zaznam[a-z]*|udaje|zmeny) (jsou |se |byl[ay]? )?(prokazatelne |spravne |normalne |presto )?ulozen|"
      + "(saved|stored) correctly|(are|is|were) (still )?saved (correctly|fine|properly)|only the labels|"
      // a text shown on hover, a minor blemish in words
      + "tooltip|bublin|po najeti mys|on hover|minor (issue|ui|glitch|thing|bug|problem)|"
      // the customer is content with a fix in the next release: what the policy calls a cosmetic blemish
      + "(staci|klidne|az|jen|oprav)[a-z]* [a-z ]{0,15}(dalsi|pristi|nejblizsi) (verz|release|aktualizac)|"
      + "pro (dalsi|pristi|nejblizsi) (verz|release)|for (your |the )?next (release|version)|"
      + "(fix|correct)[a-z]* [a-z ]{0,15}(in|with) (the |your )?next (release|version)");
  /** An error dialog after which the record turns out saved: cosmetic even if the dialog says "nelze uložit". */
  private static final Pattern SAVED_DESPITE_ERROR = words(
      "(znovu otevr|znova otevr|znovuotevr|po otevreni)[a-z ]{0,30} "
      + "(zmeny|data|udaje|upravy|vse|vsechno) (tam )?(jsou|je|zustal)|zbytecne stras|"
      + "(is|are|was|were|gets) (still )?saved correctly|nothing is lost|(je|jsou) (tam )?(vsechno |vse |uplne )?"
      + "ulozen[a-z]* (spravne|normalne|uplne cel|cel)|(je|jsou) (tam )?(normalne |spravne )?ulozen[a-z]* "
      + "(spravne|normalne)|(je|jsou) normalne ulozen|(okno|hlaseni|hlasku)[a-z ]{0,40}(ale |a )?(karta|zaznam|udalost|"
      + "doklad)[a-z ]{0,10} (je|jsou) (normalne |spravne )?ulozen");
  /** Work it does stop even if the customer calls it small: nothing is a blemish when work or data are lost. */
  private static final Pattern NOT_COSMETIC = words("neulozi se|se neulozi|neuklada|nejde ulozit|nelze ulozit|"
      + "nemuz[a-z]* ulozit|ztrat|zmizel|prazdn(?![a-z]* ctverec)|nikdo|nikomu|na vsech (stanic|pocitac)|"
      + "(sam|samo|sama) (se )?odhlas|odhlasi (se )?(sam|samo|po)|logs? (everyone |users |us )?out (every|after)|" + ON_PAPER
      + "|lose|(?<!nothing is )(?<!nothing )lost");

  // --- what is asked -------------------------------------------------------------------------------------------
  private static final Pattern HOW_TO = words("jak (se|si|to|mam|mohu|muzu|muzeme|lze|jde|udelat|nastav|zmen|"
      + "vyexport|nahrat|omez)|jakym zpusobem|kde (se|si|to|najdu|nastav|v|je|mam|muzu)|da se (to )?(nejak )?"
      + "(nastavit|zmenit|obnovit|udelat|resetovat)|jde to (v [a-z]+ )?(nejak )?(udelat|nastavit|resetovat|zmenit|"
      + "hromadne)|existuje (v programu )?(nejak|funkce|moznost)|prosim o radu|chtel[a-z]* bych se zeptat|"
      + "dotaz|"
      + "ako (sa|si|to|nastav|mozem)|how (do|can|to|should)|where (do|can|is)|is it possible|is there|"
      + "can i|could you (please )?tell|what is the|where (exactly )?(on|in) [a-z ]{0,20}(can|do) (we|i)|"
      + "where exactly (can|do|is)|can we download");
  private static final Pattern CONFIGURATION = words("nastav|administrac|vlastni pol|sablon|opravnen|prava |"
      + "role |viditelnost|domen|prihlas[a-z]* pres|jazyk|odhlaseni|hesl|logo|setting|configur|custom field|"
      + "permission|language");

  private static final Pattern ON_SITE = words("prijel|prijet|prijed|vyjezd|na miste|primo k (nam|nim)|k (nam|nim) "
      + "(do|na|v)(?![a-z])|(osobni|vasi|technik[a-z]*) navstev|navstev[a-z]* (u nas|technik|u nich|na miste|u zakaznik)|vyslani [a-z]* technik|zastavil [a-z ]{0,20}podival|u (nas|nej|nich) (nekdo|zastavil)|"
      + "fyzick[a-z]* zasah|onsite|on site|visit us|come to our");
  private static final Pattern INSTALLATION = words("nainstal|o provedeni|prestehovat [a-z ]{0,30}(server|databaz|azure|cloud)|"
      + "(prenesli|prenest|presunuli|presunout) [a-z ]{0,20}na novy (server|stroj|pocitac)|"
      + "migrac|migrovat|instalaci [a-z ]{0,20}(provedl|provest|udelal)|"
      + "upgrade [a-z ]{0,30}provedl|upgrade [a-z ]{0,30}provest|provest upgrade|"
      + "aktualizac[a-z]* [a-z ]{0,30}provedl|objednavk[a-z]* upgrad|upgrade provest|"
      + "install (it )?for us|perform the upgrade|do the upgrade");
  private static final Pattern PROGRAMMING = words("naprogram|doprogram|preprogram|na miru|na zakazku|skript|"
      + "objednat napojeni|propojeni|vyvinout|objednavk[a-z]* vyvoj|vyvoj (na miru|aplikac|modul|doplnk|funkc|rozsiren|sestav)|"
      + "upravit formular|novy report|specialni prehled|nechat udelat|udelat,? aby se|ve vlastnim [a-z]* ?formatu|"
      + "napojeni [a-z ]{0,30}(objednat|naprogram)|propojil|nov[a-z]* (tiskov[a-z]* )?sestav[a-z]*:|"
      + "novou (tiskovou )?sestavu|placenou uprav|develop|integration for us|custom report|"
      // a feature the program should gain, data fed in from another service: development to order
      + "aby (intouch|program|system|crm)[a-z ]{0,15} (umel|dokazal|zvladal)|"
      + "(samy|sam|sama|samo|automaticky) (natahoval|stahoval|importoval|prenasel|nacital)[a-z]* z");
  private static final Pattern CONSULTING = words("konzultac|skoleni|zaskol|poradenstv|posoudit|stavovsk|gdpr|"
      + "zauctov|uctovat|s mime|podle zakona|pravni|"
      + "training|consultation");
  private static final Pattern TRANSPORT = words("prevez|prevoz|odvez|odvoz|dovez|dovoz|privez|vyzvedl|vyzvedn|"
      + "prepravit|preprav[a-z]* (serveru|server|pocitac|hardwar|zarizeni|techniky|tiskar)|dopravit (server|pocitac|zarizeni)|si pro (nej|ni|ne)|zastavit pro|svezt|nekoho poslat s|doruc[a-z]* [a-z ]{0,20}"
      + "osobne|osobne doruc|transport|"
      + "with a van|moving the server");
  private static final Pattern ANALYSIS = words("analyz|rozbor|audit|studi|vyhodnot|z historie|z dat v crm|"
      + "v jakem stavu je|analysis");
  /** What makes a sentence ask the provider for the work (or a subject name it as an order). */
  private static final Pattern ASKS_PROVIDER = words("mohli byste|mohl by|mohli by|muze si|chce|chteji|potrebujeme|potrebuji|objednavame|"
      + "zajem o|bylo by mozne|prosime o|we need|need an|bychom potrebovali|bych potreboval|muzete|muzete nam|dokazali byste|slo by|neslo by|"
      + "zajistujete|nabizite|potrebovali bychom|potreboval bych|chteli bychom|radi bychom|zadam o|prosim o|"
      + "prosba o|objedn|poptav|zadost o|cenu|cenovou|kolik by|zaplatime|uhradit|placen|abyste|aby [a-z ]{0,20}"
      + "vas|vas technik|vaseho technik|could you|can you|please send|we ll pay|we will pay|price|quote");
  /** A sentence about later or separate plans, a conditional aside, or the customer's own doing. */
  private static final Pattern ASIDE = words("vyhledove|do budoucna|v budoucnu|pozdeji|samostatne|az na jare|"
      + "kdyby to neslo|kdyby to neslo nastavit|radsi bychom to|udelame sami|si pak udelame|zvladli sami|"
      + "(budeme|zvladneme|nainstalujeme|provedeme)[a-z ]{0,20} sami|ourselves|"
      + "in the future|later on|separately|by the way|btw|mimochodem [a-z ]{0,10}(by|bychom)");
  /** An upgrade the customer did or plans themselves, a fix awaited in a release: no installation asked for. */
  private static final Pattern SELF_UPGRADE = words("(od|po) (posledni )?(aktualizac|upgrad|instalac)|"
      + "(jsme|jsem) (provedli|udelali|nainstalovali|aktualizovali)|planujeme (upgrade|aktualizac|prechod)|"
      + "v (dalsi|pristi) verzi|in the next (version|release)|after (the )?(upgrade|update)|since the (upgrade|update)");
  private static final Pattern POSTSCRIPT = Pattern.compile("(?m)^\\s*p\\s*\\.?\\s*s\\s*[.:]");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\d)[.!?;]+|[.!?;]+(?!\\d)|\\n\\s*\\n|\\n(?=\\s*[-*\\d]+[.)]?\\s)");
  private static final Pattern PARENTHESIS = Pattern.compile("\\([^()]*\\)");

  private TriageSignals() {}

  public static Signals of(String subject, String body) {
    String folded = Texts.fold((subject == null ? "" : subject) + "\n\n" + RequestText.requestText(subject, body));
    String flat = " " + folded.replaceAll("[^\\p{L}\\p{N}.]+", " ").replaceAll("\\s+", " ") + " ";
    boolean howToAsked = HOW_TO.matcher(flat).find();
    boolean accountAccess = FORGOTTEN_PASSWORD.matcher(flat).find()
        || LOCKED_ACCOUNT.matcher(flat).find() && howToAsked;
    boolean fault = FAULT.matcher(flat).find() && !(accountAccess && !EVERYONE.matcher(flat).find());
    boolean stopped = STOPPED.matcher(flat).find();
    boolean dataLost = DATA_LOST.matcher(flat).find();
    boolean cosmetic = COSMETIC.matcher(flat).find() && !NOT_COSMETIC.matcher(flat).find()
        || SAVED_DESPITE_ERROR.matcher(flat).find() && !dataLost && !EVERYONE.matcher(flat).find();
    boolean howTo = howToAsked || accountAccess;
    // drivers waiting while the customer asks how to hand a colleague's orders over: a how-to, nothing stopped by us
    return new Signals(fault, fault && EVERYONE.matcher(flat).find(), stopped && (fault || !howTo), fault && dataLost,
        WORKAROUND.matcher(flat).find(), ONE_USER.matcher(flat).find(), SLOW.matcher(flat).find(), cosmetic,
        howTo, CONFIGURATION.matcher(flat).find() && howTo, mainAskPaidWork(subject, folded),
        paidWorkAside(subject, folded));
  }

  /** A paid-work word only in a P.S., an aside, a parenthesis or about an upgrade the customer does themselves. */
  static boolean paidWorkAside(String subject, String folded) {
    if (mainAskPaidWork(subject, folded) != null) {
      return false;
    }
    if (SELF_UPGRADE.matcher(" " + folded.replaceAll("[^\\p{L}\\p{N}.]+", " ") + " ").find()) {
      return true;
    }
    var postscript = POSTSCRIPT.matcher(folded);
    if (postscript.find() && category(flatten(folded.substring(postscript.start()))) != null) {
      return true;
    }
    var parenthesis = PARENTHESIS.matcher(folded);
    while (parenthesis.find()) {
      if (category(flatten(parenthesis.group())) != null) {
        return true;
      }
    }
    return sentences(folded).stream().anyMatch(s -> ASIDE.matcher(s).find() && category(s) != null);
  }

  private static String flatten(String text) {
    return " " + text.replaceAll("[^\\p{L}\\p{N}?]+", " ").replaceAll("\\s+", " ").strip() + " ";
  }

  /** The paid-work category the request asks for: the first one named in the subject or in a main-ask sentence. */
  static String mainAskPaidWork(String subject, String folded) {
    String text = folded;
    var postscript = POSTSCRIPT.matcher(text);
    if (postscript.find()) {
      text = text.substring(0, postscript.start());
    }
    String wholeSubject = Texts.fold(subject == null ? "" : subject);
    String foldedSubject = " " + wholeSubject.replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    String orderedInSubject = category(foldedSubject);
    if (orderedInSubject != null && ASKS_PROVIDER.matcher(foldedSubject).find()) {
      return orderedInSubject;
    }
    // a subject's parenthesis that orders nothing is an aside: "Export historie (žádost dle GDPR)" names the occasion
    String subjectCategory = category(" " + PARENTHESIS.matcher(wholeSubject).replaceAll(" ")
        .replaceAll("[^\\p{L}\\p{N}]+", " ") + " ");
    for (String sentence : sentences(PARENTHESIS.matcher(text).replaceAll(" "))) {
      if (ASIDE.matcher(sentence).find()) {
        continue;
      }
      String category = category(sentence);
      boolean asks = ASKS_PROVIDER.matcher(sentence).find();
      if (category != null && (asks || sentence.contains("?"))) {
        return category;
      }
    }
    // the subject names the work ("Instalace na nový server") and no sentence says otherwise; a subject that reports
    // a failure ("migrace DB selhala") names what broke, not work ordered
    return FAULT.matcher(foldedSubject).find() ? null : subjectCategory;
  }

  private static String category(String text) {
    if (TRANSPORT.matcher(text).find()) {
      return OutOfScopeCategory.TRANSPORT.name();
    }
    if (ON_SITE.matcher(text).find()) {
      return OutOfScopeCategory.ON_SITE.name();
    }
    // "jak ji mám nainstalovat?" asks how to install it themselves: a question on use
    if (INSTALLATION.matcher(text).find() && !HOW_TO.matcher(text).find()) {
      return OutOfScopeCategory.INSTALLATION.name();
    }
    if (PROGRAMMING.matcher(text).find()) {
      return OutOfScopeCategory.PROGRAMMING.name();
    }
    if (ANALYSIS.matcher(text).find()) {
      return OutOfScopeCategory.ANALYSIS.name();
    }
    if (CONSULTING.matcher(text).find()) {
      return OutOfScopeCategory.CONSULTING.name();
    }
    return null;
  }

  /** Sentences in the flat form, each keeping its question mark. */
  private static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    var end = SENTENCE_END.matcher(text);
    int from = 0;
    while (from < text.length()) {
      int to = end.find() ? end.end() : text.length();
      String flat = " " + text.substring(from, to).replaceAll("[^\\p{L}\\p{N}?]+", " ").replaceAll("\\s+", " ").strip()
          + " ";
      if (!flat.isBlank()) {
        sentences.add(flat);
      }
      from = to;
    }
    return sentences;
  }
}
