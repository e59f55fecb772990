/**
 * Name tables for the generator: common Chinese surnames (weighted roughly by frequency), given-name
 * characters, place names for schools, and the departments a school usually has. Small tables on
 * purpose: duplicate names across classes are part of what the data must show.
 */
import type { Prng } from './prng.js'

/** Surnames with rough relative frequencies. */
const surnames: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 70],
  ['张', 66],
  ['刘', 54],
  ['陈', 46],
  ['杨', 32],
  ['黄', 24],
  ['赵', 22],
  ['吴', 21],
  ['周', 20],
  ['徐', 15],
  ['孙', 15],
  ['马', 14],
  ['朱', 13],
  ['胡', 12],
  ['郭', 11],
  ['何', 11],
  ['林', 10],
  ['高', 10],
  ['罗', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 7],
  ['宋', 7],
  ['唐', 7],
  ['许', 7],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 6],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 5],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 2],
  ['汪', 2],
  ['范', 2],
  ['欧阳', 1],
  ['司马', 1],
]

/** Given names popular for children born 2010-2020. */
const childNames = words(
  '子涵 浩宇 欣怡 梓轩 诗雨 一诺 俊杰 嘉怡 思远 晨曦 雨桐 博文 若汐 沐阳 可馨 天佑 紫萱 宇航 梦琪 家豪 ' +
    '语嫣 睿泽 依依 铭瑞 心怡 皓轩 子墨 雨泽 欣妍 梓涵 浩然 思涵 子轩 佳怡 宇轩 诗涵 一鸣 俊熙 可欣 明哲 ' +
    '静怡 昊天 芷若 晓彤 嘉懿 煜祺 智宸 昊然 明杰 立诚 峻熙 弘文 鸿煊 烨霖 哲瀚 致远 俊驰 晟睿 文昊 远航 ' +
    '旭尧 瑾瑜 志泽 睿渊 楷瑞 安琪 雅琪 梓萱 雨欣 欣然 佳琪 思彤 语桐 沐晨 宸熙 奕辰 一一 多多 安然 ' +
    '浩 宇 轩 涵 欣 怡 琪 萱 睿 杰 晨 阳 悦 彤 硕',
)

/** Given names common among parents and teachers. */
const adultNames = words(
  '建国 建华 志强 志明 海涛 海燕 丽娟 丽华 秀英 秀兰 桂英 桂芳 玉兰 玉梅 春梅 晓东 晓燕 晓明 文斌 文静 ' +
    '红梅 红霞 国强 国庆 立新 卫东 永刚 永红 俊峰 建军 小红 雪梅 金凤 美玲 淑珍 志刚 振华 宏伟 凤英 彩霞 ' +
    '少华 亚军 明辉 建平 海波 丽萍 晓丽 春燕 小燕 丹丹 婷婷 莉莉 伟民 德明 ' +
    '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 辉 鹏 飞 慧 婷 斌 琳 颖 倩 峰',
)

function words(text: string): readonly string[] {
  return text.split(' ').filter(Boolean)
}

/** A random surname, weighted by frequency. */
export function surname(prng: Prng): string {
  return prng.weighted(surnames)
}

/** A given name from the children's or the adults' table. */
export function givenName(prng: Prng, generation: 'child' | 'adult'): string {
  return prng.pick(generation === 'child' ? childNames : adultNames)
}

/** A full name: surname (random unless given) plus given name. */
export function fullName(prng: Prng, generation: 'child' | 'adult', family?: string): string {
  return (family ?? surname(prng)) + givenName(prng, generation)
}

/** Place names used to name the district's schools. */
export const schoolPlaces = [
  '蛇口',
  '南头',
  '西丽',
  '桃源',
  '沙河',
  '粤海',
  '招商',
  '前海',
  '南油',
  '大冲',
  '科苑',
  '留仙',
  '松坪',
  '丽湖',
  '月亮湾',
  '后海',
  '深圳湾',
  '华侨城',
  '荔林',
  '阳光',
  '龙珠',
  '大新',
  '向南',
  '文理',
  '湾区',
  '红树林',
  '塘朗',
  '白芒',
  '平山',
  '珠光',
  '麒麟',
  '太子湾',
  '海滨',
  '育才',
  '北头',
  '新围',
] as const

/** Chinese numerals for grade and school names. */
export const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const

/** Administrative offices every school has. */
export const schoolOffices = ['校长室', '教务处', '德育处', '总务处'] as const

/** Offices of the education bureau (局内职工). */
export const bureauOffices = [
  '局办公室',
  '人事科',
  '基础教育科',
  '计划财务科',
  '教育科学研究院',
  '督导室',
  '安全管理科',
] as const

/** Virtual groups a school keeps besides 班主任群. */
export const virtualGroups = ['党员教师', '青年教师', '行政会'] as const

/** Extracurricular course classes (课程班). */
export const courseClasses = [
  '篮球社',
  '合唱团',
  '编程社',
  '书法班',
  '机器人社',
  '舞蹈队',
  '围棋社',
  '科创社',
] as const

/** Parents' relation to a child, with how often each set occurs. */
export const guardianSets: readonly (readonly [readonly string[], number])[] = [
  [['爸爸', '妈妈'], 62],
  [['妈妈'], 16],
  [['爸爸'], 8],
  [['爸爸', '妈妈', '奶奶'], 5],
  [['妈妈', '外婆'], 4],
  [['爷爷', '奶奶'], 3],
  [['妈妈', '外公'], 2],
]
