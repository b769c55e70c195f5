import csv, re, sys
rows = list(csv.DictReader(open('/work/shared/data/gazetteers/countries-ar.tsv', encoding='utf-8'), delimiter='\t'))
KEEP_EXTRA = {'PS', 'VA', 'TW', 'XK'}
# Hand-curated additions (this project): spelling variants seen in wire copy, demonym variants, broken plurals.
EXTRA_NAMES = {
 'SY': ['سوريا', 'سورية', 'الجمهورية العربية السورية'],
 'KG': ['قرغيزيا', 'قيرغيزيا', 'قرغيزستان', 'قيرغيزستان'],
 'TJ': ['طاجكستان', 'طاجيكستان'],
 'LK': ['سيريلانكا', 'سريلانكا'],
 'BY': ['بيلاروس', 'بيلاروسيا', 'روسيا البيضاء'],
 'DK': ['الدانمارك', 'الدنمارك', 'الدانمرك'],
 'HU': ['المجر', 'هنغاريا'],
 'PS': ['فلسطين', 'دولة فلسطين'],
 'PY': ['الباراغواي', 'باراغواي', 'الباراجواي', 'باراجواي'],
 'UY': ['الأوروغواي', 'أوروغواي', 'الأوروجواي'],
 'MM': ['ميانمار', 'بورما', 'جمهورية اتحاد ميانمار'],
 'US': ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'أمريكا', 'أميركا'],
 'GB': ['بريطانيا', 'المملكة المتحدة', 'بريطانيا العظمى'],
 'SA': ['السعودية', 'المملكة العربية السعودية'],
 'AE': ['الإمارات', 'الإمارات العربية المتحدة', 'دولة الإمارات'],
 'CD': ['الكونغو الديمقراطية', 'جمهورية الكونغو الديمقراطية'],
 'CG': ['الكونغو', 'جمهورية الكونغو', 'الكونغو برازافيل'],
 'KR': ['كوريا الجنوبية'],
 'KP': ['كوريا الشمالية', 'كوريا الديمقراطية'],
 'CZ': ['التشيك', 'جمهورية التشيك', 'تشيكيا'],
 'MK': ['مقدونيا', 'مقدونيا الشمالية'],
 'NL': ['هولندا'],
 'VA': ['الفاتيكان', 'الكرسي الرسولي'],
 'UZ': ['أوزبكستان', 'أوزباكستان'],
 'KZ': ['كازاخستان', 'كازاخستان'],
 'AZ': ['أذربيجان', 'أذربيجان'],
 'BA': ['البوسنة والهرسك', 'البوسنة'],
 'CI': ['ساحل العاج', 'كوت ديفوار'],
 'TR': ['تركيا'],
 'IR': ['إيران'],
 'XK': ['كوسوفو'],
 'TW': ['تايوان'],
 'TL': ['تيمور الشرقية'],
 'GN': ['غينيا'],
 'ZA': ['جنوب أفريقيا', 'جنوب إفريقيا'],
 'CF': ['أفريقيا الوسطى', 'إفريقيا الوسطى', 'جمهورية أفريقيا الوسطى'],
}
# Demonym stems (masculine singular, without ال). Hand-curated where the source rule is wrong or ambiguous.
EXTRA_DEMONYMS = {
 'US': ['أمريكي', 'أميركي'], 'GB': ['بريطاني'], 'RU': ['روسي'], 'DK': ['دنماركي', 'دانماركي'],
 'KG': ['قرغيزي', 'قيرغيزي'], 'TJ': ['طاجيكي', 'طاجكي'], 'LK': ['سريلانكي'], 'BY': ['بيلاروسي'],
 'PS': ['فلسطيني'], 'SY': ['سوري'], 'SA': ['سعودي'], 'AE': ['إماراتي'], 'NL': ['هولندي'],
 'HU': ['مجري', 'هنغاري'], 'IL': ['إسرائيلي'], 'KR': [], 'KP': [], 'CZ': ['تشيكي'],
 'PY': ['باراغوايي'], 'MM': ['ميانماري'], 'NE': ['نيجري'], 'NG': ['نيجيري'],
 'CN': ['صيني'], 'DE': ['ألماني'], 'FR': ['فرنسي'], 'IT': ['إيطالي'], 'ES': ['إسباني'],
 'JP': ['ياباني'], 'IN': ['هندي'], 'PK': ['باكستاني'], 'AF': ['أفغاني'], 'IR': ['إيراني'],
 'IQ': ['عراقي'], 'TR': ['تركي'], 'EG': ['مصري'], 'JO': ['أردني'], 'LB': ['لبناني'],
 'KW': ['كويتي'], 'QA': ['قطري'], 'BH': ['بحريني'], 'OM': ['عماني'], 'YE': ['يمني'],
 'UA': ['أوكراني'], 'GR': ['يوناني'], 'CA': ['كندي'], 'AU': ['أسترالي'], 'BR': ['برازيلي'],
 'SE': ['سويدي'], 'NO': ['نرويجي'], 'FI': ['فنلندي'], 'PL': ['بولندي'], 'AT': ['نمساوي'],
 'CH': ['سويسري'], 'BE': ['بلجيكي'], 'PT': ['برتغالي'], 'MX': ['مكسيكي'], 'AR': ['أرجنتيني'],
 'VE': ['فنزويلي'], 'CU': ['كوبي'], 'KZ': ['كازاخستاني', 'كازاخي'], 'UZ': ['أوزبكي', 'أوزبكستاني'],
 'MN': ['منغولي'], 'SD': ['سوداني'], 'LY': ['ليبي'], 'TN': ['تونسي'], 'DZ': ['جزائري'],
 'MA': ['مغربي'], 'MR': ['موريتاني'], 'SO': ['صومالي'], 'ET': ['إثيوبي'], 'ER': ['إريتري'],
 'KE': ['كيني'], 'ZA': [], 'CM': ['كاميروني'], 'TD': ['تشادي'], 'BJ': ['بنيني'], 'SN': ['سنغالي'],
 'ML': [],  # مالي also means "financial": never a demonym here
 'AZ': ['أذربيجاني'], 'AM': ['أرميني'], 'GE': ['جورجي'], 'RS': ['صربي'], 'HR': ['كرواتي'],
 'BA': ['بوسني'], 'AL': ['ألباني'], 'BG': ['بلغاري'], 'RO': ['روماني'], 'ID': ['إندونيسي'],
 'MY': ['ماليزي'], 'PH': ['فلبيني'], 'TH': ['تايلندي'], 'VN': ['فيتنامي'], 'BD': ['بنغلاديشي'],
 'LK_': [],
}
BROKEN_PLURALS = {'RU': ['الروس'], 'DE': ['الألمان'], 'US': ['الأمريكان', 'الأميركان'], 'GB': ['الإنجليز', 'الإنكليز', 'البريطانيون'],
                  'TR': ['الأتراك'], 'IT': ['الطليان'], 'FR': [], 'IR': [], 'CN': []}
AMBIGUOUS_DEMONYM = {'مالي', 'عربي', 'هندي_', 'كندي_'}

def stems(iso, row):
    out = list(EXTRA_DEMONYMS.get(iso, [])) if iso in EXTRA_DEMONYMS else []
    if not out and row['demonym_source'] in ('hand-curated',) or (not out and row['demonym_source'] == 'rule' and int(row['corpus_count_demonym_with_al'] or 0) > 0):
        if iso not in EXTRA_DEMONYMS:
            out += [d for d in row['demonym_ar_masc'].split('|') if d]
    return [d for d in out if d and ' ' not in d and d not in AMBIGUOUS_DEMONYM]

def clean(n):
    n = re.sub(r'\s*\(.*?\)', '', n).strip()
    return n

out = []
for r in rows:
    iso = r['iso2']
    if not (r['unMember'] == 'true' or iso in KEEP_EXTRA):
        continue
    names, metonyms = [], []
    for n in EXTRA_NAMES.get(iso, []) + [r['name_ar_common_wc'], r['name_ar_i18n_iso'], r['name_ar_cldr'], r['name_ar_official_wc']] + r['aliases_ar_curated'].split('|'):
        n = clean(n)
        if not n or ' - ' in n or n == 'الأراضي الفلسطينية':
            continue
        if n.endswith('*'):
            metonyms.append(n[:-1]); continue
        if n not in names:
            names.append(n)
    out.append((iso, names[0], '|'.join(names), '|'.join(stems(iso, r)), '|'.join(BROKEN_PLURALS.get(iso, [])), '|'.join(metonyms)))
print('iso\tname\tnames\tdemonym_stems\tplural_demonyms\tmetonyms')
for o in out:
    print('\t'.join(o))
