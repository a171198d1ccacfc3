package quote

import "testing"

// TestSpeakerNullSubject covers Spanish and Portuguese speech verbs with
// no subject («…», dijo.): the person who spoke or was named last in the
// paragraph or the one before, an organisation only when no person was.
// Each passage is long enough for its language to be told.
func TestSpeakerNullSubject(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"es dijo after a person named as subject",
			"El presidente del PP, Alberto Feijóo, habló ayer en Madrid con los periodistas sobre la economía. Después la ministra Nadia Calviño respondió a las críticas de la oposición en el Congreso.\n\n" +
				"«No vamos a subir los impuestos», dijo.",
			[]wantQuote{{"No vamos a subir los impuestos", "Nadia Calviño"}}},
		{"es añadió: a person quoted, then a party as subject",
			"La ministra Ana Ruiz habló con los periodistas en el Congreso sobre el presupuesto del año que viene. «Es un buen acuerdo», dijo Ana Ruiz. El PP votó en contra de las cuentas por la tarde.\n\n" +
				"«Y lo vamos a cumplir», añadió.",
			[]wantQuote{{"Es un buen acuerdo", "Ana Ruiz"}, {"Y lo vamos a cumplir", "Ana Ruiz"}}},
		{"es only an organisation named",
			"La campaña de vacunación terminó el lunes en todo el país con cifras mejores que las del año pasado. «Ha sido un éxito», dijo el PP en un comunicado. Los médicos están contentos.\n\n" +
				"«Y lo seguirá siendo», añadió.",
			[]wantQuote{{"Ha sido un éxito", "PP"}, {"Y lo seguirá siendo", "PP"}}},
		{"pt disse after a named minister",
			"O ministro da Saúde, João Silva, falou com os jornalistas em Lisboa sobre o plano. A empresa também respondeu às críticas dos sindicatos e da oposição.\n\n" +
				"“Vamos cumprir o plano”, disse.",
			[]wantQuote{{"Vamos cumprir o plano", "João Silva"}}},
		{"es nobody named near: no speaker",
			"La lluvia siguió durante toda la noche en la costa y en las montañas del norte del país. Los ríos crecieron y las carreteras se cerraron por la mañana.\n\n" +
				"«Nunca vimos algo así», dijo.",
			[]wantQuote{{"Nunca vimos algo así", ""}}},
	})
}
