#!/usr/bin/env python3
"""Makes data/country_readings_ja.json: how each region's Japanese name is read (katakana), to
order the Japanese country list by reading (gojuon order). Run from the repository root:
`python3 scripts/make_country_readings.py`. Records its input in
data/country_readings_ja.made-from.json."""
import json, re, hashlib
rows = json.load(open('data/activation_centers.json'))
kanji = {
'米領サモア':'べいりょうさもあ','南極':'なんきょく','オランダ領カリブ':'おらんだりょうかりぶ','ブーベ島':'ぶーべとう',
'英領インド洋地域':'えいりょういんどようちいき','英領ヴァージン諸島':'えいりょうゔぁーじんしょとう','ケイマン諸島':'けいまんしょとう',
'中央アフリカ共和国':'ちゅうおうあふりかきょうわこく','中国':'ちゅうごく','クリスマス島':'くりすますとう',
'ココス（キーリング）諸島':'ここす（きーりんぐ）しょとう','コンゴ共和国（ブラザビル）':'こんごきょうわこく（ぶらざびる）','クック諸島':'くっくしょとう',
'ドミニカ国':'どみにかこく','ドミニカ共和国':'どみにかきょうわこく','赤道ギニア':'せきどうぎにあ','フォークランド諸島':'ふぉーくらんどしょとう',
'フェロー諸島':'ふぇろーしょとう','仏領ギアナ':'ふつりょうぎあな','仏領ポリネシア':'ふつりょうぽりねしあ','仏領極南諸島':'ふつりょうきょくなんしょとう',
'ハード島・マクドナルド諸島':'はーどとう・まくどなるどしょとう','香港特別行政区':'ほんこんとくべつぎょうせいく','日本':'にほん',
'マカオ特別行政区':'まかおとくべつぎょうせいく','マーシャル諸島':'まーしゃるしょとう','ミクロネシア連邦':'みくろねしあれんぽう',
'ノーフォーク島':'のーふぉーくとう','北マケドニア':'きたまけどにあ','北マリアナ諸島':'きたまりあなしょとう','パレスチナ自治区':'ぱれすちなじちく',
'ピトケアン諸島':'ぴとけあんしょとう','サンピエール島・ミクロン島':'さんぴえーるとう・みくろんとう',
'セントビンセント及びグレナディーン諸島':'せんとびんせんとおよびぐれなでぃーんしょとう','ソロモン諸島':'そろもんしょとう','南アフリカ':'みなみあふりか',
'サウスジョージア・サウスサンドウィッチ諸島':'さうすじょーじあ・さうすさんどうぃっちしょとう','韓国':'かんこく',
'スバールバル諸島・ヤンマイエン島':'すばーるばるしょとう・やんまいえんとう','台湾':'たいわん','東ティモール':'ひがしてぃもーる',
'タークス・カイコス諸島':'たーくす・かいこすしょとう','合衆国領有小離島':'がっしゅうこくりょうゆうしょうりとう',
'米領ヴァージン諸島':'べいりょうゔぁーじんしょとう','アラブ首長国連邦':'あらぶしゅちょうこくれんぽう','米国':'べいこく','バチカン市国':'ばちかんしこく',
}
def kata(s):
    return ''.join(chr(ord(c)+0x60) if 'ぁ' <= c <= 'ゖ' else c for c in s)
def hira(s):
    return ''.join(chr(ord(c)-0x60) if 'ァ' <= c <= 'ヶ' else c for c in s)
out = {}
for r in rows:
    name = r['country_ja']
    if re.search(r'[\u4e00-\u9fff]', name):
        reading = kata(kanji[name])
    else:
        reading = name
    assert not re.search(r'[\u4e00-\u9fff\u3041-\u3096A-Za-z]', reading), (name, reading)
    out[r['iso']] = [name, reading]
doc = {
  "about": "How each region's Japanese name (country_ja of activation_centers.json) is read, in katakana (the characters the embedded font has), for ordering the Japanese list by reading (gojuon order). Names in katakana are read as written; the readings of names with kanji are the standard ones (as the Ministry of Foreign Affairs of Japan and NHK read them). Each row: ISO code -> [country_ja, reading].",
  "readings": dict(sorted(out.items())),
}
text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
open('data/country_readings_ja.json', 'w').write(text)
made = {
  "made_by": "a one-off: scripts/make_country_readings.py: names in katakana read as written, the 47 names with kanji read by hand (the table in the script)",
  "input": {"file": "data/activation_centers.json", "field": "country_ja", "sha256": hashlib.sha256(open('data/activation_centers.json','rb').read()).hexdigest()},
  "sources_for_kanji_readings": ["Ministry of Foreign Affairs of Japan, country and region names (国・地域)", "the usual readings of 領 (りょう), 諸島 (しょとう), 島 (とう), 共和国 (きょうわこく)"],
  "rows": len(out),
  "output_sha256": hashlib.sha256(text.encode()).hexdigest(),
}
open('data/country_readings_ja.made-from.json', 'w').write(json.dumps(made, ensure_ascii=False, indent=2) + "\n")
print(len(out))
