package quote

import "testing"

// TestFindQuotesLanguages covers speakers named in French, German, Spanish
// and Portuguese: speech verbs in their common forms, inversion, titles,
// roles, "according to" and pronouns carried over by gender. Each passage
// is long enough for its language to be told.
func TestFindQuotesLanguages(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"fr compound past after the quote",
			"Le président a parlé devant les députés et les sénateurs réunis dans la salle. Il a été très clair sur la question des retraites et il a répondu aux questions.\n\n" +
				"« Nous ne céderons pas », a déclaré Emmanuel Macron.",
			[]wantQuote{{"Nous ne céderons pas", "Emmanuel Macron"}}},
		{"fr inverted pronoun after a named woman",
			"La maire de Paris, Anne Hidalgo, a défendu le projet devant le conseil de la ville. Elle a répondu aux critiques des élus et des habitants du quartier.\n\n" +
				"« C’est une fierté pour nous », a-t-elle ajouté.",
			[]wantQuote{{"C’est une fierté pour nous", "Anne Hidalgo"}}},
		{"fr dit-il and a title",
			"M. Jean Dupont, le ministre de l’Économie, est arrivé à Bruxelles pour la réunion. Il a rencontré les autres ministres dans la matinée et il a parlé avec la presse.\n\n" +
				"« Le budget sera tenu », dit-il. « Nous avons un plan », a poursuivi M. Dupont.",
			[]wantQuote{{"Le budget sera tenu", "Jean Dupont"}, {"Nous avons un plan", "Jean Dupont"}}},
		{"fr selon",
			"La grève continue dans les transports et les écoles de la région. Les syndicats et le gouvernement ne sont pas d’accord sur le texte de la loi.\n\n" +
				"Le texte est « une provocation », selon Sophie Binet.",
			[]wantQuote{{"une provocation", "Sophie Binet"}}},
		{"de verb before the name",
			"Die Kanzlerin sprach am Montag in Berlin über die Lage der Flüchtlinge und die Hilfe der Länder. Sie war auch mit dem Innenminister und den Ländern im Gespräch.\n\n" +
				"„Wir schaffen das“, sagte Angela Merkel.",
			[]wantQuote{{"Wir schaffen das", "Angela Merkel"}}},
		{"de so and a compound role",
			"Die Bundesregierung hat den Plan am Mittwoch vorgestellt, und die Opposition ist nicht zufrieden mit dem Ergebnis. Es gibt auch in der Partei Kritik an dem Vorschlag.\n\n" +
				"„Das ist ein guter Tag“, so Regierungssprecher Steffen Hebestreit. »Wir bleiben dabei«, sagte er.",
			[]wantQuote{{"Das ist ein guter Tag", "Steffen Hebestreit"}, {"Wir bleiben dabei", "Steffen Hebestreit"}}},
		{"de Frau and sie",
			"Die Ministerin Frau Katrin Weber war am Dienstag in der Stadt und hat mit den Bürgern gesprochen. Die Gespräche mit der Polizei und der Stadt waren lang.\n\n" +
				"„Es war ein guter Tag“, sagte sie.",
			[]wantQuote{{"Es war ein guter Tag", "Katrin Weber"}}},
		{"es verb and role before the name",
			"El Gobierno presentó el plan en el Congreso de los Diputados y la oposición lo criticó con dureza. Los grupos de la oposición pidieron que se retire el texto.\n\n" +
				"\"Vamos a seguir adelante\", dijo el presidente Pedro Sánchez.",
			[]wantQuote{{"Vamos a seguir adelante", "Pedro Sánchez"}}},
		{"es según and a title with its dot",
			"La empresa anunció el cierre de la planta de Valencia con la pérdida de los empleos. Los trabajadores y el sindicato se reunieron por la tarde en la fábrica.\n\n" +
				"«Es un día muy triste», afirmó la Sra. Lucía Gómez. El cierre es «inevitable», según Carlos Ruiz.",
			[]wantQuote{{"Es un día muy triste", "Lucía Gómez"}, {"inevitable", "Carlos Ruiz"}}},
		{"pt role and name after the verb",
			"O governo apresentou o plano ao Congresso e a oposição não gostou do texto. Os partidos da oposição pediram que o projeto seja retirado da pauta.\n\n" +
				"“Não vamos desistir”, disse o ministro João Silva.",
			[]wantQuote{{"Não vamos desistir", "João Silva"}}},
		{"pt segundo and pronoun",
			"A ministra Ana Costa visitou a escola na segunda-feira com os alunos e os professores. Ela falou com os pais dos alunos e com a direção da escola.\n\n" +
				"O plano é “o melhor possível”, segundo Ana Costa. “Vamos começar já”, afirmou ela.",
			[]wantQuote{{"o melhor possível", "Ana Costa"}, {"Vamos começar já", "Ana Costa"}}},
		{"pt name particle kept",
			"O presidente falou com os jornalistas no palácio sobre o plano do governo para a economia. Ele disse que o plano não vai mudar e que a inflação vai cair.\n\n" +
				"“O Brasil voltou”, declarou Luiz Inácio Lula da Silva.",
			[]wantQuote{{"O Brasil voltou", "Luiz Inácio Lula da Silva"}}},
		{"fr role of a ministry before the name",
			"Le gouvernement a présenté le texte devant les députés et les sénateurs réunis dans la salle. Il a été très clair sur la question des retraites et il a répondu aux questions.\n\n" +
				"« Nous ne céderons pas », a déclaré le ministre de l’Intérieur Gérald Darmanin.",
			[]wantQuote{{"Nous ne céderons pas", "Gérald Darmanin"}}},
		{"fr partial quote, the name in apposition to the role",
			"Le gouvernement a présenté le texte devant les députés et les sénateurs réunis dans la salle. Il a été très clair sur la question des retraites et il a répondu aux questions.\n\n" +
				"Le ministre de l'Intérieur, Gérald Darmanin, a pour sa part jugé la mobilisation « en baisse ».",
			[]wantQuote{{"en baisse", "Gérald Darmanin"}}},
		{"pt role of a ministry before the name",
			"O governo apresentou o plano ao Congresso e a oposição não gostou do texto. Os partidos da oposição pediram que o projeto seja retirado da pauta.\n\n" +
				"“Não vamos desistir”, disse o ministro da Saúde João Silva. “Vamos continuar”, disse.",
			[]wantQuote{{"Não vamos desistir", "João Silva"}, {"Vamos continuar", "João Silva"}}},
		{"es null subject in the next sentence",
			"El Gobierno presentó el plan en el Congreso de los Diputados y la oposición lo criticó con dureza. Los grupos de la oposición pidieron que se retire el texto.\n\n" +
				"«Vamos a seguir adelante», dijo la ministra de Hacienda María Montero. «No hay marcha atrás», añadió.",
			[]wantQuote{{"Vamos a seguir adelante", "María Montero"}, {"No hay marcha atrás", "María Montero"}}},
	})
}
