/**
 * Code points that some PDF producers' ToUnicode maps give for ordinary
 * characters: a CJK font draws a radical and the character it stands for
 * with one glyph, and the map names the radical (Chromium/Skia and WPS
 * write ⼀ for 一, ⻔ for 门, ⼾ for 户). A reader sees the character;
 * matching and search need it too.
 */

/**
 * CJK Radicals Supplement (U+2E80–U+2EF3), radical then character: each
 * form a simplified-Chinese font (Noto Sans/Serif CJK SC) draws with the
 * glyph of a unified ideograph, and the forms Unicode's CJKRadicals and
 * EquivalentUnifiedIdeograph give a whole character for (⻄ 西, ⻭ 歯).
 * Component forms without such a character (⺀, ⺼) stay as they are.
 */
const SUPPLEMENT = '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩王⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

/**
 * Kangxi Radicals U+2F00–U+2FD5 in order. NFKC would give the same but for
 * ⼾: NFKC's 戶 is the traditional form, while the simplified-Chinese fonts
 * these documents are set in draw ⼾ with the glyph of 户.
 */
const KANGXI = '一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠';

/** A dash a CJK font sets as one glyph for two or three of the em dashes of Chinese punctuation (——). */
const DASHES: Record<string, string> = { '\u2e3a': '——', '\u2e3b': '———' };

const LOOKALIKE = new Map<string, string>(Object.entries(DASHES));
for (let i = 0, pairs = [...SUPPLEMENT]; i + 1 < pairs.length; i += 2) LOOKALIKE.set(pairs[i]!, pairs[i + 1]!);
[...KANGXI].forEach((ch, i) => LOOKALIKE.set(String.fromCodePoint(0x2f00 + i), ch));

/**
 * Radicals, the em-dash ligatures and compatibility ideographs (by NFKC,
 * U+F98A → 力) folded to the characters they stand for; nothing else is
 * normalised (（ stays full-width).
 */
export function foldLookalikes(text: string): string {
  return text.replace(/[\u2e3a\u2e3b\u2e80-\u2eff\u2f00-\u2fdf]/gu, (ch) => LOOKALIKE.get(ch) ?? ch).replace(/[\uf900-\ufaff]/gu, (ch) => ch.normalize('NFKC'));
}
