import '../../components/ui/style.css';
import { mount } from '../../components/ui/mount';
import { Options } from '../../components/ui/Options';

mount(() => <Options />);
