package lexicon

// The word tables of the languages other than English that attribution
// reads onto its English rules (attribution/lang.go says how). Each entry
// of a list reads "word=english"; an underscore stands for a space, so a
// word may read as two (selon=according_to) and a phrase may be read as
// one (de_acuerdo_con=according_to). The English words are those the
// rules know: a speech verb, a pronoun, a determiner, a title, a role, an
// organisation noun or a function word that ends a noun phrase.

// LangTable is one language's words, as space-separated lists.
type LangTable struct {
	Name        string
	Words       string // word=english pairs
	Aux         string // auxiliaries dropped before a speech verb
	AfterQuote  string // word=english pairs that attribute only right after a quote
	According   string // words read as "according to" only before a name
	Elisions    string // elided articles and pronouns: l’, d’, qu’
	Clitics     string // pronouns a verb carries after a hyphen: dit-il
	Suffixes    string // endings of compound role and body nouns: sprecher=spokesman
	Markers     string // common words that tell the language
	NullSubject bool   // its verbs drop their subject: «…», dijo.
}

// Langs are the tables, French, German, Spanish and Portuguese.
var Langs = []LangTable{
	{
		Name: "fr",
		Words: `
		a=has ont=have avait=had dit=said déclaré=said déclare=says affirmé=said affirme=says ajouté=added ajoute=adds
		expliqué=explained explique=explains estimé=said estime=says souligné=stressed souligne=stresses
		précisé=said précise=says indiqué=said indique=says assuré=said assure=says confié=said confie=says
		lancé=said lance=says répondu=replied répond=replies réagi=responded poursuivi=continued
		poursuit=continues martelé=said martèle=says insisté=insisted insiste=insists averti=warned
		prévenu=warned annoncé=announced annonce=announces reconnu=acknowledged reconnaît=acknowledges
		raconté=recalled raconte=recalls écrit=wrote déclarait=said disait=said conclu=concluded
		commenté=said commente=says rappelé=recalled rappelle=recalls confirmé=confirmed dénoncé=decried
		dénonce=decries regretté=lamented regrette=laments plaidé=argued plaide=argues tweeté=tweeted
		il=he elle=she ils=they elles=they nous=we je=i
		le=the la=the les=the un=a une=a ce=this cette=this ces=these son=the sa=the ses=the leur=the
		m.=mr. mme=ms. mlle=miss dr=dr.
		président=president présidente=president ministre=minister porte-parole=spokesperson
		premier=prime première=prime maire=mayor député=lawmaker députée=lawmaker sénateur=senator
		sénatrice=senator chef=chief cheffe=chief directeur=director directrice=director
		secrétaire=secretary général=general générale=general procureur=prosecutor avocat=lawyer
		avocate=lawyer chancelier=chancellor chancelière=chancellor ambassadeur=ambassador
		ambassadrice=ambassador patron=boss patronne=boss juge=judge commissaire=commissioner
		dirigeant=leader dirigeante=leader responsable=official économiste=economist analyste=analyst
		ministère=ministry gouvernement=government parti=party syndicat=union commission=commission
		entreprise=company groupe=group conseil=council agence=agency tribunal=court cour=court
		assemblée=assembly armée=army banque=bank communiqué=statement
		et=and mais=but ou=or que=that qui=who dont=whose où=where quand=when si=if parce=because
		car=because comme=as dans=in en=in à=at au=at aux=at avec=with par=by pour=for sur=on
		sous=under chez=at vers=to contre=against pendant=during sans=without entre=between lors=during
		après=after avant=before depuis=since est=is était=was sont=are ne=not pas=not aussi=also
		puis=then alors=then déjà=already ainsi=thus encore=again hier=yesterday du=of de=of des=of
		lundi=monday mardi=tuesday mercredi=wednesday jeudi=thursday vendredi=friday samedi=saturday
		dimanche=sunday l’=the l'=the d’=of d'=of qu’=that qu'=that j’=i j'=i n’=not n'=not s’=it s'=it
		c’=it c'=it
		selon=according_to d’après=according_to d'après=according_to`,
		Aux:      `a ont avait avaient aurait`,
		Elisions: `l’ l' d’ d' qu’ qu' j’ j' n’ n' s’ s' c’ c'`,
		Clitics:  `il elle ils elles on`,
		Markers:  `le la les des est et une dans pour qui que pas sur au du avec il elle`,
	},
	{
		Name: "de",
		Words: `
		sagte=said sagt=says gesagt=said sagten=said erklärte=explained erklärt=explains erklärten=explained
		betonte=stressed betont=stresses meinte=said meint=says fügte=added ergänzte=added ergänzt=adds
		warnte=warned warnt=warns kritisierte=criticized forderte=demanded fordert=demands teilte=said
		schrieb=wrote schreibt=writes berichtete=reported versicherte=assured räumte=admitted sprach=said
		antwortete=replied kündigte=announced erläuterte=explained bekräftigte=reiterated unterstrich=stressed
		beklagte=lamented bestätigte=confirmed
		er=he sie=she wir=we ich=i
		der=the die=the das=the den=the dem=the ein=a eine=a einer=a eines=a einem=a einen=a
		sein=his seine=his ihr=her ihre=her
		herr=mr frau=ms dr=dr.
		bundeskanzler=chancellor bundeskanzlerin=chancellor kanzler=chancellor kanzlerin=chancellor
		minister=minister ministerin=minister präsident=president präsidentin=president
		sprecher=spokesman sprecherin=spokeswoman chef=chief chefin=chief vorsitzende=chair
		vorsitzender=chair bürgermeister=mayor bürgermeisterin=mayor abgeordnete=lawmaker
		abgeordneter=lawmaker richter=judge richterin=judge staatsanwalt=prosecutor
		ministerium=ministry regierung=government bundesregierung=government partei=party polizei=police
		gericht=court behörde=agency unternehmen=company konzern=company verband=association
		gewerkschaft=union kommission=commission erklärung=statement mitteilung=statement
		und=and aber=but oder=or dass=that daß=that weil=because wenn=if als=as im=in am=on an=at
		auf=on mit=with von=of vom=of zum=to zur=to zu=to für=for bei=at nach=after vor=before
		über=about gegen=against ist=is war=was sind=are hat=has nicht=not auch=also dann=then
		noch=still bereits=already gestern=yesterday heute=today des=of
		montag=monday dienstag=tuesday mittwoch=wednesday donnerstag=thursday freitag=friday
		samstag=saturday sonntag=sunday
		laut=according_to`,
		Aux:        `hat haben hatte hatten`,
		AfterQuote: `so=said`,
		Suffixes: `sprecher=spokesman sprecherin=spokeswoman minister=minister ministerin=minister
		kanzler=chancellor kanzlerin=chancellor präsident=president präsidentin=president chef=chief
		chefin=chief vorsitzende=chair vorsitzender=chair ministerium=ministry partei=party`,
		Markers: `der die das und ist nicht ein eine mit sich auch dem den zu von sie er`,
	},
	{
		Name: "es",
		Words: `
		ha=has han=have dijo=said dice=says dicho=said afirmó=said afirma=says afirmado=said aseguró=said asegura=says
		asegurado=said declaró=said declara=says declarado=said explicó=explained explica=explains
		explicado=explained añadió=added añade=adds agregó=added agrega=adds señaló=noted señala=notes
		indicó=said indica=says subrayó=stressed advirtió=warned advierte=warns manifestó=said
		sostuvo=said sostiene=says comentó=said respondió=replied insistió=insisted destacó=stressed
		reconoció=acknowledged apuntó=noted precisó=said expresó=said anunció=announced escribió=wrote
		concluyó=concluded criticó=criticized denunció=decried aseveró=said dijeron=said
		él=he ella=she ellos=they ellas=they nosotros=we yo=i
		el=the la=the los=the las=the un=a una=a su=the sus=the este=this esta=this
		sr=mr. sr.=mr. sra=ms. srta=miss don=mr doña=ms dr=dr. dra=dr.
		presidente=president presidenta=president ministro=minister ministra=minister
		portavoz=spokesperson secretario=secretary secretaria=secretary alcalde=mayor alcaldesa=mayor
		diputado=lawmaker diputada=lawmaker senador=senator senadora=senator director=director
		directora=director jefe=chief jefa=chief líder=leader juez=judge jueza=judge fiscal=prosecutor
		canciller=chancellor gobernador=governor gobernadora=governor vicepresidente=president
		vicepresidenta=president economista=economist analista=analyst abogado=lawyer abogada=lawyer
		primer=prime primera=prime
		ministerio=ministry gobierno=government partido=party policía=police tribunal=court
		empresa=company agencia=agency comisión=commission sindicato=union ejército=army banco=bank
		comunicado=statement
		y=and e=and pero=but o=or que=that quien=who donde=where cuando=when si=if porque=because
		como=as en=in a=to al=to con=with por=by para=for sobre=about desde=since tras=after
		durante=during sin=without entre=between es=is fue=was era=was son=are no=not también=also
		luego=then ya=already ayer=yesterday hoy=today de=of del=of
		lunes=monday martes=tuesday miércoles=wednesday jueves=thursday viernes=friday sábado=saturday
		domingo=sunday
		según=according_to de_acuerdo_con=according_to`,
		Aux:         `ha han había habían habría`,
		Markers:     `el los las del que por una con para es se lo y la`,
		NullSubject: true,
	},
	{
		Name: "pt",
		Words: `
		tem=has disse=said diz=says dito=said afirmou=said afirma=says declarou=said declara=says
		explicou=explained explica=explains acrescentou=added acrescenta=adds adiantou=added
		garantiu=said garante=says sublinhou=stressed ressaltou=stressed destacou=stressed
		salientou=stressed avisou=warned alertou=warned alerta=warns defendeu=argued defende=argues
		respondeu=replied insistiu=insisted reconheceu=acknowledged comentou=said contou=recalled
		escreveu=wrote anunciou=announced criticou=criticized disseram=said afirmaram=said
		frisou=stressed apontou=noted observou=observed lembrou=recalled concluiu=concluded indicou=said
		ele=he ela=she eles=they elas=they nós=we eu=i
		o=the a=the os=the as=the um=a uma=a seu=the sua=the este=this esta=this
		sr=mr. sr.=mr. sra=ms. dr=dr. dra=dr.
		presidente=president presidenta=president ministro=minister ministra=minister
		porta-voz=spokesperson secretário=secretary secretária=secretary prefeito=mayor prefeita=mayor
		deputado=lawmaker deputada=lawmaker senador=senator senadora=senator diretor=director
		diretora=director chefe=chief líder=leader juiz=judge juíza=judge procurador=prosecutor
		governador=governor governadora=governor primeiro-ministro=premier primeira-ministra=premier
		economista=economist analista=analyst advogado=lawyer advogada=lawyer
		ministério=ministry governo=government partido=party polícia=police tribunal=court
		empresa=company agência=agency comissão=commission sindicato=union exército=army banco=bank
		comunicado=statement
		e=and mas=but ou=or que=that quem=who onde=where quando=when se=if porque=because como=as
		em=in no=in na=in nos=in nas=in ao=to à=to com=with por=by pelo=by pela=by para=for
		sobre=about desde=since após=after durante=during sem=without entre=between é=is foi=was
		era=was são=are não=not também=also depois=then já=already ontem=yesterday hoje=today
		de=of do=of da=of dos=of das=of
		de_acordo_com=according_to conforme=according_to`,
		Aux:         `tem têm tinha tinham havia`,
		According:   `segundo`,
		Markers:     `o os as do da dos das que não uma com para é em no na ele ela e`,
		NullSubject: true,
	},
}

// EnglishMarkers tell English apart from the languages above.
const EnglishMarkers = `the and of to is was that for with said he she it this`
