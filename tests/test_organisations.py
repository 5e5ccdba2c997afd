"""International bodies named in source names and claim texts (``[organisations]`` of
each lexicon file): one body however each language writes it, and never a place."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import cues, lexicon, organisations
from provenance.folding import script_of
from provenance.measures import origin_words


def _entries(code: str) -> list[tuple[str, str]]:
    table = lexicon.section(code, "organisations")
    return [(body, str(name)) for body, names in table.items() for name in names]


@pytest.mark.parametrize("code", lexicon.languages())
def test_each_language_lists_bodies_english_knows_once(code: str) -> None:
    """Keys are bodies the English file lists; every entry has words (and stems long
    enough); no entry stands for two bodies; a one-word entry in a script with capitals
    begins with one, since a word written in lower case never matches it."""
    english = set(lexicon.section("en", "organisations"))
    owner: dict[tuple[str, ...], str] = {}
    for body, name in _entries(code):
        assert body in english, (code, body)
        entry = organisations._entry(name, body)
        assert entry is not None, (code, name)
        assert owner.setdefault(entry.words, body) == body, (code, name, owner[entry.words])
        if len(entry.words) == 1 and script_of(name) in ("latin", "cyrillic", "greek"):
            assert name[:1].isupper(), (code, name)


def test_every_language_with_a_file_lists_the_bodies() -> None:
    missing = [code for code in lexicon.languages() if not _entries(code)]
    assert missing == []


@pytest.mark.parametrize(
    ("name", "bodies"),
    [
        ("WHO (Tedros Adhanom Ghebreyesus)", {"who"}),
        ("WHO-Generaldirektor Tedros Adhanom Ghebreyesus", {"who"}),
        ("Organisation mondiale de la santé (OMS)", {"who"}),
        ("Oim (portavoce Mohammedali Abunajela)", {"iom"}),
        ("IOM Displacement Tracking Matrix", {"iom"}),
        ("U.N. officials", {"un"}),
        ("UN Security Council", {"un"}),
        ("the United Nations Children's Fund", {"unicef"}),
        ("Médecins sans frontières", {"msf"}),
        ("Всемирная организация здравоохранения", {"who"}),
        ("منظمة الصحة العالمية", {"who"}),
        ("المفوضية السامية للأمم المتحدة لشؤون اللاجئين", {"unhcr"}),
        ("Un responsable militaire", set()),
        ("officials who spoke on condition of anonymity", set()),
        ("Onu", {"un"}),
        ("onu", set()),
        ("NRC Handelsblad", set()),
        ("Pam Smith", set()),
        ("Saab AB", set()),
        ("Моніторингова місія ООН з прав людини в Україні", {"ohchr"}),
        ("Міжнародны камітэт Чырвонага Крыжа (МКЧК)", {"icrc"}),
        ("Mezinárodní výbor Červeného kříže (MVČK)", {"icrc"}),
        ("Światowa Organizacja Zdrowia (WHO)", {"who"}),
        ("Међународни комитет Црвеног крста", {"icrc"}),
        ("Svetska zdravstvena organizacija (SZO)", {"who"}),
        ("Διεθνής Επιτροπή του Ερυθρού Σταυρού (ΔΕΕΣ)", {"icrc"}),
        ("Organizația Mondială a Sănătății (OMS)", {"who"}),
        ("ENSZ Menekültügyi Főbiztossága (UNHCR)", {"unhcr"}),
        ("YK:n pakolaisjärjestö UNHCR", {"unhcr"}),
        ("Maailman terveysjärjestön tiedottaja", {"who"}),
        ("Kansainvälisen rikostuomioistuimen syyttäjä", {"icc"}),
        ("Punaisen Ristin kansainvälinen komitea", {"icrc"}),
        ("Naton pääsihteeri", {"nato"}),
        ("Maailmanpankin", {"worldbank"}),
        ("Suomen Punainen Risti", set()),
        ("Wereldgezondheidsorganisatie (WHO)", {"who"}),
        ("Dünya Sağlık Örgütü'nün sözcüsü", {"who"}),
        ("BMT-nin Qaçqınlar üzrə Ali Komissarlığı", {"un", "unhcr"}),
        ("Organisasi Kesehatan Dunia (WHO)", {"who"}),
        ("Msemaji wa Umoja wa Mataifa", {"un"}),
        ("Hay'adda Caafimaadka Adduunka", {"who"}),
        ("Rêxistina Tenduristiyê ya Cîhanê", {"who"}),
        ("ڕێکخراوی تەندروستی جیهانی", {"who"}),
        ("نەتەوە یەکگرتووەکان", {"un"}),
        ("berdevkê Neteweyên Yekbûyî", {"un"}),
        ("Komîteya Navneteweyî ya Xaça Sor", {"icrc"}),
        ("የተባበሩት መንግሥታት ድርጅት ቃል አቀባይ", {"un"}),
        ("ቃል ኣቀባይ ውድብ ጥዕና ዓለም", {"who"}),
        ("ንሕቡራት ሃገራት", {"un"}),
        ('דובר האו"ם', {"un"}),
        ("سخنگوی سازمان جهانی بهداشت", {"who"}),
        ("د روغتیا نړیوال سازمان", {"who"}),
        ("عالمی ادارۂ صحت کے ترجمان", {"who"}),
        ("विश्व स्वास्थ्य संगठन के प्रवक्ता", {"who"}),
        ("জাতিসংঘের শরণার্থী বিষয়ক সংস্থা ইউএনএইচসিআর", {"unhcr"}),
        ("联合国儿童基金会发言人", {"unicef"}),
        ("ＩＡＥＡ＝国際原子力機関", {"iaea"}),
        ("유엔난민기구(UNHCR) 대변인", {"unhcr"}),
        ("Kakakin Majalisar Ɗinkin Duniya", {"un"}),
        ("Hukumar Lafiya ta Duniya", {"who"}),
        ("Дитячий фонд Харкова", set()),
        ("Evropská univerzita v Praze", set()),
        ("Ujedinjeno Kraljevstvo", set()),
        ("Που είναι οι όμηροι", set()),
        ("Curtea de Apel București", set()),
        ("egy nemzetközi bíróság", set()),
        ("Amnestie voor deserteurs", set()),
        ("Palang Merah Indonesia", set()),
        ("Umoja wa Kitaifa", set()),
        ("בית הדין העליון", set()),
        ("سازمان ملی استاندارد ایران", set()),
        ("आईसीसी अध्यक्ष", set()),
        ("人权观察员", set()),
        ("ՄԱԿ-ի Փախստականների գերագույն հանձնակատարի գրասենյակը", {"unhcr"}),
        ("Կարմիր խաչի միջազգային կոմիտեի ներկայացուցիչը", {"icrc"}),
        ("ჯანდაცვის მსოფლიო ორგანიზაცია (ჯანმო)", {"who"}),
        ("გაეროს ლტოლვილთა სააგენტოს", {"unhcr"}),
        ("ნატოს გენერალური მდივანი", {"nato"}),
        ("საქართველოს თავდაცვის სამინისტრო", set()),
        ("Òganizasyon Entènasyonal pou Migrasyon (OIM)", {"iom"}),
        ("Pwogram Alimantè Mondyal", {"wfp"}),
        ("Ministè Sante Piblik ak Popilasyon", set()),
        ("Световната здравна организация (СЗО)", {"who"}),
        ("говорител на ВКБООН", {"unhcr"}),
        ("Върховният комисар на ООН за бежанците", {"unhcr"}),
        ("Международния комитет на Червения кръст", {"icrc"}),
        ("Министерството на отбраната на България", set()),
        ("Dhaabbata Godaansa Addunyaa (IOM)", {"iom"}),
        ("Sagantaa Nyaata Addunyaa", {"wfp"}),
        ("Mootummoota Gamtoomanii", {"un"}),
        ("Ministeera Fayyaa Oromiyaa", set()),
        ("FN:s flyktingorgan UNHCR", {"unhcr"}),
        ("Världshälsoorganisationen", {"who"}),
        ("Internationella rödakorskommittén", {"icrc"}),
        ("Förenta nationernas säkerhetsråd", {"un"}),
        ("Läkare utan gränser", {"msf"}),
        ("Försvarsmakten", set()),
        ("ကမ္ဘာ့ကျန်းမာရေးအဖွဲ့", {"who"}),
        ("ကုလသမဂ္ဂဒုက္ခသည်ဆိုင်ရာမဟာမင်းကြီးရုံး", {"unhcr"}),
        ("ကုလသမဂ္ဂ ကလေးများ ရန်ပုံငွေအဖွဲ့", {"unicef"}),
        ("ကြက်ခြေနီအပြည်ပြည်ဆိုင်ရာကော်မတီ", {"icrc"}),
        ("ကုလသမဂ္ဂက", {"un"}),
        ("ကျန်းမာရေးဝန်ကြီးဌာနက", set()),
        ("องค์การอนามัยโลก (WHO)", {"who"}),
        ("สำนักงานข้าหลวงใหญ่ผู้ลี้ภัยแห่งสหประชาชาติ", {"unhcr"}),
        ("คณะกรรมการกาชาดระหว่างประเทศระบุว่า", {"icrc"}),
        ("ศาลโลก", {"icj"}),
        ("Ishami rya Loni ryita ku mpunzi", {"unhcr"}),
        ("Umuryango w'Abibumbye", {"un"}),
        ("Urukiko Mpanabyaha Mpuzamahanga", {"icc"}),
        ("กระทรวงกลาโหมกัมพูชา", set()),
        ("អង្គការសហប្រជាជាតិ", {"un"}),
        ("អង្គការសុខភាពពិភពលោក (WHO)", {"who"}),
        ("ឧត្តមស្នងការអង្គការសហប្រជាជាតិទទួលបន្ទុកជនភៀសខ្លួន", {"unhcr"}),
        ("គណៈកម្មាធិការអន្តរជាតិកាកបាទក្រហមបានឲ្យដឹងថា", {"icrc"}),
        ("តុលាការយុត្តិធម៌អន្តរជាតិ", {"icj"}),
        ("យូនីសេហ្វ", {"unicef"}),
        ("ក្រសួងការពារជាតិកម្ពុជា", set()),
        ("ஐநா", {"un"}),
        ("ஐ.நா.வின்", {"un"}),
        ("ஐக்கிய நாடுகள் அகதிகள் முகமை", {"unhcr"}),
        ("உலக சுகாதார நிறுவனம்", {"who"}),
        ("சர்வதேச செஞ்சிலுவைக் குழு", {"icrc"}),
        ("உலக வங்கியின்", {"worldbank"}),
        ("சுகாதார அமைச்சகம்", set()),
        ("Tổ chức Y tế Thế giới (WHO)", {"who"}),
        ("Cao ủy Liên Hợp Quốc về người tị nạn", {"unhcr"}),
        ("Quỹ Nhi đồng Liên Hợp Quốc", {"unicef"}),
        ("Ủy ban Chữ thập đỏ Quốc tế", {"icrc"}),
        ("người phát ngôn LHQ", {"un"}),
        ("Bộ Quốc phòng Việt Nam", set()),
    ],
)
def test_bodies_named_in_a_source_name(name: str, bodies: set[str]) -> None:
    """A source's name is read with every language's entries; an acronym only as it is
    written ("UN", not the French article "Un"; "Onu", not "onu")."""
    assert organisations.named(name) == bodies


def test_one_body_named_in_two_languages_is_one_origin() -> None:
    assert origin_words("Organisation mondiale de la santé (OMS)") & origin_words(
        "WHO (Tedros Adhanom Ghebreyesus)"
    )
    assert origin_words("Oim (portavoce Mohammedali Abunajela)") & origin_words(
        "IOM Displacement Tracking Matrix"
    )
    assert not origin_words("UN Security Council") & origin_words("ICRC delegation")


@pytest.mark.parametrize(
    ("text", "language", "places"),
    [
        ("The World Health Organization said 300 people died in Darfur.", "en", {"darfur"}),
        ("Secondo l'Oim e l'Unicef, 300 persone sono morte in Darfur.", "it", {"darfur"}),
        ("Según Acnur, 300 personas murieron en Darfur.", "es", {"darfur"}),
        ("Selon l'Organisation mondiale de la santé, 300 morts au Darfour.", "fr", {"darfour"}),
        ("По данным Всемирной организации здравоохранения, 300 человек погибли в Дарфуре.",
         "ru", {"дарфуре"}),
        ("За даними Всесвітньої організації охорони здоров'я, у Харкові загинули 12 людей.",
         "uk", {"харкові"}),
        ("Według Światowej Organizacji Zdrowia w Darfurze zginęło 300 osób.", "pl", {"darfurze"}),
        ("Prema podacima Svetske zdravstvene organizacije, u Darfuru je poginulo 300 ljudi.",
         "sr", {"darfuru"}),
        ("Σύμφωνα με τον Παγκόσμιο Οργανισμό Υγείας, 300 άνθρωποι σκοτώθηκαν στο Νταρφούρ.",
         "el", {"νταρφουρ"}),
        ("Potrivit Organizației Mondiale a Sănătății, 300 de persoane au murit în Darfur.", "ro",
         {"darfur"}),
        ("Az Egészségügyi Világszervezet szerint 300 ember halt meg Dárfúrban.", "hu",
         {"darfurban"}),
        ("Maailman terveysjärjestön mukaan Darfurissa kuoli 300 ihmistä.", "fi", {"darfurissa"}),
        ("Volgens de Wereldgezondheidsorganisatie zijn 300 mensen omgekomen in Darfur.", "nl",
         {"darfur"}),
        ("Dünya Sağlık Örgütü'ne göre Darfur'da 300 kişi öldü.", "tr", {"darfur"}),
        ("Menurut Organisasi Kesehatan Dunia, 300 orang tewas di Darfur.", "id", {"darfur"}),
        ("Theo Tổ chức Y tế Thế giới, 300 người đã thiệt mạng ở Darfur.", "vi", {"darfur"}),
        ("Kwa mujibu wa Shirika la Afya Duniani, watu 300 wameuawa Darfur.", "sw", {"darfur"}),
        ("Sida ay sheegtay Hay'adda Caafimaadka Adduunka, 300 qof ayaa ku dhintay Darfur.", "so",
         {"darfur"}),
        ("Selon Òganizasyon Mondyal Lasante, 300 moun mouri nan Darfour.", "ht", {"darfour"}),
        ("Engebene na OMS, bato 300 bakufi na Darfour.", "ln", {"darfour"}),
        ("Na kolanda Lisanga ya Bikolo, bato 300 bakufi na Darfour.", "ln", {"darfour"}),
        ("Според Световната здравна организация 300 души са загинали в Дарфур.", "bg",
         {"дарфур"}),
        ("Akka Dhaabbata Fayyaa Addunyaa jedhetti, namoonni 300 Daarfuuritti du'aniiru.", "om",
         {"daarfuuritti"}),
        ("Enligt Världshälsoorganisationen har 300 människor dödats i Darfur.", "sv", {"darfur"}),
        ("ውድብ ጥዕና ዓለም ከም ዝሓበሮ ኣብ ሱዳን 300 ሰባት ሞይቶም።", "ti", {"sudanese"}),
        ("Առողջապահության համաշխարհային կազմակերպության տվյալներով՝ Դարֆուրում զոհվել է 300 մարդ։",
         "hy", {"դարֆուրում"}),
        ("Li gorî Rêxistina Tenduristiyê ya Cîhanê, li Darfurê 300 kes mirin.", "ku",
         {"darfure"}),
        ("بەپێی ڕێکخراوی تەندروستی جیهانی، لە سوودان ٣٠٠ کەس کوژران.", "ckb", {"sudanese"}),
        ("A cewar Hukumar Lafiya ta Duniya, mutum 300 ne suka mutu a Darfur.", "ha", {"darfur"}),
        ("Nk'uko Ishami rya Loni ryita ku buzima ryabitangaje, abantu 300 bapfiriye i Darfur.",
         "rw", {"darfur"}),
        ("세계보건기구(WHO)는 우크라이나 하르키우에서 300명이 숨졌다고 밝혔다.", "ko", {"ukrainian"}),
        ("ჯანმოს ცნობით, სუდანის დარფურში 300 ადამიანი დაიღუპა.", "ka", {"sudanese"}),
        ("ကမ္ဘာ့ကျန်းမာရေးအဖွဲ့၏ အဆိုအရ ဆူဒန်တွင် လူ ၃၀၀ သေဆုံးခဲ့သည်။", "my", {"sudanese"}),
    ],
)  # fmt: skip
def test_a_bodys_name_in_a_claim_is_not_a_place(text: str, language: str, places: set[str]) -> None:
    assert cues.place_words((), (text,), language)[1] == places


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("UNWHOOnuoms l'()-,.ÉéВОЗвоз ال الأمم المتحدة 联合国 1")),
        max_size=60,
    ),
    st.sampled_from([None, "en", "fr", "ar", "ru", "zh", "xx"]),
)
def test_bodies_are_found_in_any_text_as_ordered_spans_of_it(
    text: str, language: str | None
) -> None:
    """Any text: the spans found are in order, inside the text, never overlapping, and
    each names a body English knows."""
    english = set(lexicon.section("en", "organisations"))
    found = list(organisations.spans(text, language))
    ends = 0
    for start, end, body in found:
        assert ends <= start < end <= len(text)
        assert body in english
        ends = end
    assert organisations.named(text, language) == {body for _, _, body in found}
